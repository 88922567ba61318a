"""Is a message in English? The classifiers read English only, so one mostly in another language goes to a person.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from classifiers.english import is_english, not_english, unreadable


@pytest.mark.parametrize("sentence", [
    "Fui a la reunión del martes y no había nadie que me explicara lo que decidieron sobre mis hijos.",
    "Je voudrais savoir pourquoi personne ne m'a rappelée depuis la réunion du mois dernier.",
    "Piszę w sprawie mojej córki, która od miesiąca nie ma kontaktu z pracownikiem socjalnym.",
    "Am scris de trei ori și nimeni nu mi-a răspuns despre vizitele cu fiul meu.",
    "Meri beti ko teen hafte se koi social worker milne nahi aaya aur hum bahut pareshan hain.",
    "Eu gostaria de fazer uma reclamação sobre a assistente social que nunca responde aos meus emails.",
    "لم يتصل بي أحد منذ الاجتماع الأخير بخصوص أطفالي وأنا قلقة جدا عليهم",
    "Я писала вам тричі, але ніхто не відповів щодо зустрічей з моїм сином.",
])
def test_a_sentence_in_another_language_is_not_english(sentence: str) -> None:
    assert is_english(sentence) is False


@pytest.mark.parametrize("sentence", [
    "The social worker has missed three visits this month and did not ring to say why.",
    "i want to make a complaint coz my social worker never comes and my carers dont listen to me",
    "I AM SO ANGRY THAT NOBODY HAS CALLED ME BACK ABOUT MY SON AFTER THREE WEEKS",
    "My grandson Tobias came home every day filthy, exhausted and happy after the summer scheme.",
    "You chaired our family group conference last month and promised minutes within a week.",
    "Sorry my english is not good, I am mother of two children and the meeting was not explained to me.",
])
def test_english_is_english_however_it_is_written(sentence: str) -> None:
    assert is_english(sentence) is True


@pytest.mark.parametrize("sentence", [
    "Kind regards, Marek Nowak", "Re: Aisha Khan (DOB 01/02/2012)", "https://example.org/track?id=123456",
    "Senior Practitioner – Children in Care – Northvale County Council", "Gracias.",
])
def test_a_name_a_heading_or_a_link_is_not_judged(sentence: str) -> None:
    assert is_english(sentence) is None


def test_a_message_mostly_in_another_language_is_unreadable_with_its_sentences() -> None:
    text = ("Hello, I write in Polish, my English is not good.\n\n"
            "Piszę w sprawie mojej córki, która od miesiąca nie ma kontaktu z pracownikiem socjalnym. "
            "Nikt nie odpowiada na moje telefony ani wiadomości, a spotkanie zostało odwołane trzy razy.\n\n"
            "Thank you, Ewa")
    found = unreadable(text)
    assert found and found[0].startswith("Piszę w sprawie")
    share, _ = not_english(text)
    assert share > 0.5


def test_a_message_with_its_own_english_version_is_read_in_english() -> None:
    text = ("Piszę w sprawie mojej córki, która od miesiąca nie ma kontaktu z pracownikiem socjalnym.\n\n"
            "In English: I am writing about my daughter, who has had no contact with her social worker for a month "
            "and nobody answers my calls.")
    assert unreadable(text) == []


def test_an_english_message_is_readable() -> None:
    assert unreadable("The social worker has missed three visits this month and did not ring to say why.") == []
    assert not_english("") == (0.0, [])

"""The shipped classifiers: decision rules, the phrase net, and training that can be repeated."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import corpus, safeguarding, store
from classifiers.category import SpacyCategoryClassifier, decide
from classifiers.registry import create, create_defaults
from classifiers.risk_cues import cue_groups, marked, read_lexicon, strong_cue
from classifiers.safeguarding import SafeguardingScreen, flagged_by_rule, passages
from classifiers.thresholds import cueless_message_threshold
from classifiers.training import train_all
from classifiers.young_person import YoungPersonSignal


def test_an_unsure_complaint_stays_a_complaint_with_its_low_confidence() -> None:
    assert decide({"complaint": 0.35, "suggestion": 0.6, "compliment": 0.05}, 0.3) == ("complaint", 0.35)
    assert decide({"complaint": 0.2, "suggestion": 0.7, "compliment": 0.1}, 0.3) == ("suggestion", 0.7)


@pytest.mark.parametrize("sentence", [
    "I have been self-harming again.", "i keep thinking about killing myself",
    "he made me sell for them, county lines", "I dont want to be alive anymore",
    "My aunt says I will be forced to marry in the summer.",
])
def test_strong_cues_flag_on_their_own(sentence: str) -> None:
    assert strong_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "Self-harm awareness week starts Monday.", "We run suicide prevention training for foster carers.",
    "This is an abuse of process by the local authority.",
])
def test_strong_cues_are_excused_in_training_and_awareness_wording(sentence: str) -> None:
    assert not strong_cue(sentence)


@pytest.mark.parametrize("sentence", [
    "FOI request: the number of children admitted to hospital for self-harm in 2025.",
    "Invitation: a county lines webinar for taxi drivers on 4 June.",
])
def test_strong_cues_in_a_sentence_about_the_topic_in_general_are_excused(sentence: str) -> None:
    assert not strong_cue(sentence)


def test_a_strong_cue_about_someone_is_not_excused_by_talk_of_training() -> None:
    assert strong_cue("After the session on self-harm at school I started self-harming again.")


def _rule_flags(text: str) -> bool:
    return any(flagged_by_rule(p) for p in passages(text))


@pytest.mark.parametrize("text", [
    "The baby has a bruise on his cheek and nobody can explain how it happened.",  # injury + unexplained
    "My stepdad struck him with a lead. It left red marks.",  # physical + injury, across two sentences
    "mum says im getting married in the holidays. im only 15",  # marriage + minor
    "My uncles have found me a husband and I said no but nobody listens.",  # marriage + unwilling
    "He has parked outside our flat three nights running even though there's an injunction.",  # pursuit + protection
    "been doing my legs again, long trousers so no one sees",  # bodyharm + hidden
    "They are taking her to see her nani this summer to be made clean.",  # fgm + abroad
    "I've given my stuff away. I won't be around much longer.",  # leaving + settled
    "She gives him medicine from unlabelled bottles and he comes to school drowsy.",  # fabricated + symptoms
    "I've been saving up my tablets and I won't need this flat much longer.",  # leaving + selfharm
    "He held her by the throat against the fridge.",  # strangulation: a strong cue alone
    "i havent had anything for like 5 days on purpose, i just feel sick when i eat",  # fasting + deliberate
    "My daughter has barely eaten in two weeks and fainted in assembly.",  # fasting + deliberate
    "been making myself throw up after dinner, mum thinks im fine",  # fasting + hidden
    "ive got a stash of pills in my wardrobe. dont blame yourselves",  # stockpile + farewell
    "Tell my little brother I love him. I won't need this room much longer.",  # farewell + leaving
    "down to 350 cals a day now, I bin my tea when staff arent looking and no one here has noticed",  # fasting + hidden
    "its only my thighs so no one at school sees",  # bodyharm + hidden
    "He has a mark on his cheek in the shape of a hand and nobody can explain it.",  # injury + unexplained
    "She keeps coming home with marks and nobody can tell me how.",  # injury + unexplained
    "honestly nobody would notice if i stopped being here, ive worked out how",  # leaving + settled
    "Ive counted out my tablets and I wont need my bed much longer.",  # stockpile + leaving
    "Our granddaughter is 13 and her boyfriend is 24, he collects her from school in his van.",  # minor + partner + adult
    "my mate kayla is only 14 n shes going out with a guy in his twenties",  # minor + partner + adult
    "Chloe (15) is dating an older man she met on a game, he's 31.",  # minor + partner + adult
    "He never goes to school and different men collect him in a car every morning.",  # schoolless + strangers
    "The boy next door, only 11, is dropped off at a car wash every day and works there till late.",  # labour + minor
    "Two girls of about 13 are made to work in the takeaway by men we do not know.",  # labour + strangers
    "Her dad uses the phone charger cable on her legs when she answers back.",  # implement + onbody + punishment
    "He takes the belt to them when they lie, it is how he teaches them respect.",  # implement + punishment
    "They make him kneel on uncooked rice for an hour.",  # a punishment that is strong on its own
    "Her sister, who is 14, is expecting a baby and the father is a 27-year-old.",  # minor + pregnancy + adult
    "my cousin is 15 and pregnant by a man in his thirties",  # minor + pregnancy + adult
    "I've been living on black coffee and crackers and I feel dizzy all the time.",  # fasting + deliberate
    "I googled how high the Marsh Lane car park is.",  # looking into a way: strong on its own
    "Saturday after everyone is asleep, then nobody has to worry about me.",  # settled + leaving
    "ive got enough of my mums pills saved now. its not your fault",  # stockpile + farewell
    "She had new cuts on her wrist and refused to talk about them.",  # injury + unexplained
    "He had a round burn on his hand and his story changed twice.",  # injury + unexplained
    "The baby was in the same nappy all day and there was no food in the house.",  # infantcare + neglect + infant
    "All the tests came back normal and he is only ever unwell when his mum is there; she wants a feeding tube.",
    "My stepdad kicked me out last week and I've been sleeping in the park.",  # homeless + missing
    "She said he'll share my private pics unless I pay him.",  # strong: a threat to share intimate images
    "i'm 15 and my mum threw me out, i don't have anywhere to stay",  # homeless + minor
    "by the time u read this it'll be done, ive got what i need saved up",  # farewell + stockpile
    "By the time anyone opens this email it won't matter. I've written little notes for my sisters.",  # + settled
    "He is 15 and the gang who exploited him last year keep messaging him every night.",  # exploiters + pursuit
    "My daughter's traffickers know her new address and she is terrified.",  # exploiters + pursuit
    "There are thin lines of cuts on his arm and he wears a hoodie all summer.",  # bodyharm + hidden
    "she has scratches in neat rows down her thighs. she hides them with long-sleeved pyjamas",  # across two
    "There's a small round burn on the back of his right hand. He said it was his stepdad's cigarette.",
    "She came back with a circular scab on the back of her left hand and says it was her mum's lighter.",
    "An older lad makes her do stuff for free vapes.",  # favours + rewards
    "they told him he can have whatever he wants if hes nice to their mates",  # favours + rewards
    "one of the staff gets us to do favours for him and in return we never get reported for curfew",
    "Ive given my trainers and my phone to my little sister. after tonight I wont be anyones problem anymore",
    "My grandson, 14, goes to meetings with a man in his forties from a far-right group every weekend.",
    "They have been teaching him how to use a crossbow and say they will pay a visit to the mosque.",
    "She says the extremist lads have shown her how to make a bomb from stuff in the shed.",
    "dont bother replying after friday, ive counted out my mums tablets",  # stockpile + leaving
])
def test_a_combination_of_cue_groups_flags_on_its_own(text: str) -> None:
    assert _rule_flags(text)


@pytest.mark.parametrize("text", [
    "My sister is getting married next spring and we are all going to the wedding.",
    "The bruise on his knee from the fall has healed nicely.",
    "We have booked a holiday abroad to see the grandparents in August.",
    "I'm 15 and I would like to know when my pathway plan meeting is.",
    "The restraining order is working and we feel safe at home now.",
    "We had not eaten for two days because the payment was late, so I used the food bank.",
    "The boy knocked the vase over on purpose and then laughed.",
    "The chemist gave her the wrong tablets last week. It wasn't anyone's fault, they said sorry.",
    "It was nobody's fault the visit was cancelled, I just wanted you to know we still want one.",
    "I've gone back to my old habit of leaving homework until Sunday night and nobody has noticed.",
    "The canteen's 600 calorie meal deal is too big for a year 7.",
    "I planned out how to get to college on the new bus route, it should work properly this time.",
    "Nobody would notice if the bins were collected a day late.",
    "My daughter is 15 and her boyfriend is 16; they met at college and he is lovely.",
    "I am 24 and my boyfriend is 26 and we would like to foster a child.",
    "The charger cable on his laptop is broken and he needs it for his homework.",
    "She is 19 and works at a car wash on Saturdays.",
    "He is not in school this week because of chickenpox.",
    "We do not believe in smacking: we teach him to behave with a reward chart.",
    "I referred a 14 year old to early help and the referral was closed with no engagement.",
    "My daughter is 16 and pregnant; she and her boyfriend, 17, are doing well with the midwife.",
    "I'm trying to lose the baby weight and the gym is going well.",
    "Nobody has to deal with me again until the review in May.",
    "She was removed from her birth family as a baby because of neglect and is doing so well with us.",
    "He had a graze on his knee from football and the account from school matched what he told us.",
    "We sleep in the park café's garden room on our Friday family picnics.",
    "Our landlord threw us out of the car park for parking on the wrong bay.",
    "The baby is on the 50th centile and feeding well, the health visitor says.",
    "By the time you read this the panel will have met, so please reply quickly.",
    "I've got what I need saved up for my driving lessons at last.",
    "The men who trafficked him were convicted in 2019 and he is settled and happy with us.",
    "The children stood in neat rows on the stage again for the nativity.",
    "She wears long-sleeved tops because she feels the cold, and her eczema is much better.",
    "He has a round mark on the back of his hand from the BCG jab and the nurse says it is normal.",
    "The cigarette burn on the sofa arm was there when we moved in.",
    "I do things for my nan on Saturdays and she gives me money for the bus.",
    "He was nice to his mates at the party and gets extra credit for his project.",
    "I gave my old laptop to my little brother when I got the new one for college.",
    "Our Year 9 assembly on radicalisation was excellent and the pupils asked good questions.",
    "My son, 15, does archery with a crossbow at the county club every Saturday.",
    "The new mosque on Church Street held an open day and our foster children loved the visit.",
    "The pharmacist explained how many of the tablets it takes to clear the infection.",
])
def test_one_cue_group_alone_is_left_to_the_models(text: str) -> None:
    assert not _rule_flags(text)


@pytest.mark.parametrize("sentence, groups", [
    ("My stepdad hits me when mum is at work.", {"physical"}), ("She has been missing since Friday night.", {"missing"}),
    ("he says i owe him now", {"criminal"}), ("the thing with the blade", {"selfharm"}),
    ("Please send me the minutes of the meeting.", set()), ("Thank you for the lovely card.", set()),
])
def test_the_risk_cues_name_their_group(sentence: str, groups: set[str]) -> None:
    assert cue_groups(sentence) == groups


def test_the_models_read_each_passage_with_its_cue_groups_marked() -> None:
    found = passages("Thanks for the call. He hit me last night. I am fine otherwise.")
    assert [p.text for p in found if not p.pair] == ["Thanks for the call.", "He hit me last night.",
                                                      "I am fine otherwise."]
    assert [p.text for p in found if p.pair][0] == "Thanks for the call. He hit me last night."
    hit = next(p for p in found if p.text == "He hit me last night.")
    assert marked(hit.text, hit.groups) == "He hit me last night. riskcuephysical"


def test_the_shipped_pipelines_load_and_say_which_model_decided() -> None:
    models = create_defaults()
    manifest = store.manifest()
    assert models["category"].model_version == manifest["category"]["version"]
    with pytest.raises(KeyError, match="unknown classifier"):
        create("category.keywords.v0")


def test_a_disclosure_is_flagged_with_the_sentence_that_disclosed_it() -> None:
    text = ("Complaint about contact\n\nThe contact centre keeps cancelling. Last week my daughter told me "
            "her mum's new boyfriend grabbed her by the neck and she has bruises. Please call me.")
    result = SafeguardingScreen().classify(text)
    assert result.label == "safeguarding"
    assert any("grabbed her by the neck" in sentence for sentence in result.evidence)


def test_an_ordinary_complaint_is_not_flagged() -> None:
    text = ("Missed visits\n\nThe social worker has missed three visits this month and did not ring to say. "
            "I would like a reply explaining why.")
    assert SafeguardingScreen().classify(text).label == "none"
    assert SpacyCategoryClassifier().classify(text).label == "complaint"


@pytest.mark.parametrize("text", ["test", "Saying Hello", "Lyrics", "x", "Fwd: minutes",
                                  "Wir haben das Paket gestern Abend bei der Post abgegeben und warten auf eine Antwort.",
                                  "5f0c2e9d41a7b3c8e6d2f1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9"])
def test_a_text_the_screen_has_nothing_to_go_on_is_not_flagged(text: str) -> None:
    assert SafeguardingScreen().classify(text).label == "none"


def test_with_no_cue_in_the_message_the_message_model_needs_more() -> None:
    assert cueless_message_threshold(0.38, 0.45) == 0.48
    assert cueless_message_threshold(0.38, 0.49) == 0.52
    uncued = [safeguarding.Passage("The visit was late.", 0, False)]
    cued = [safeguarding.Passage("He hit me.", 0, False, frozenset({"physical"}))]
    assert safeguarding.flags(cued, 0.40, 0.9, 0.38, 0.48) and not safeguarding.flags(uncued, 0.40, 0.9, 0.38, 0.48)
    assert safeguarding.flags(uncued, 0.50, 0.9, 0.38, 0.48)


def test_a_stated_age_marks_a_young_writer_whatever_the_model_says() -> None:
    result = YoungPersonSignal().classify("hi im 14 and i want a new social worker")
    assert result.label == "young_person" and "im 14" in result.evidence[0]
    assert YoungPersonSignal().classify("I am 45 and writing about my son.").label == "adult"


def test_training_is_repeatable_with_a_seed(tmp_path: Path) -> None:
    messages = corpus.load(split="train")[:120]
    dev = corpus.load(split="dev")[:40]
    first = train_all(messages, dev, seed=7, models_dir=tmp_path / "a", epochs=2)
    second = train_all(messages, dev, seed=7, models_dir=tmp_path / "b", epochs=2)
    assert first.versions == second.versions and first.dev == second.dev
    text = "The social worker never calls back."
    scores = [SpacyCategoryClassifier(tmp_path / d).classify(text).scores for d in ("a", "b")]
    assert scores[0] == scores[1]
    assert (tmp_path / "a" / "safeguarding").is_dir() and (tmp_path / "a" / store.MANIFEST).exists()


def test_missing_models_say_how_to_get_them(tmp_path: Path) -> None:
    with pytest.raises(store.ModelMissing, match="intake train"):
        SpacyCategoryClassifier(tmp_path)


def test_the_risk_label_is_the_one_the_screen_reads() -> None:
    for name in (safeguarding.NAME, safeguarding.MESSAGE_MODEL):
        assert safeguarding.RISK_LABEL in store.pipeline(name).get_pipe("textcat_multilabel").labels


def test_runs_without_a_space_are_cut_so_quoting_marks_cannot_stall_the_tokenizer() -> None:
    from classifiers.textcat import LONGEST_TOKEN, normalise

    assert normalise("Hi " + ">" * 5000 + " there") == "hi " + ">" * LONGEST_TOKEN + " there"
    url = "https://example.org/complaints/form"
    assert normalise(f"See  {url}") == f"see {url}"


@pytest.mark.parametrize("line, complaint", [
    ("combine: injury + nosuch", "nosuch"),
    ("combine: injury", "two groups or more"),
])
def test_a_lexicon_combination_that_cannot_work_is_refused_with_the_reason(tmp_path: Path, line: str,
                                                                            complaint: str) -> None:
    lexicon = tmp_path / "cues.txt"
    lexicon.write_text(f"## injury\n(bruis\\w*)\n## unexplained\n(no explanation)\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=complaint):
        read_lexicon(lexicon)

"""Accounts in the web app: only an admin manages them; everyone changes their own password."""

from __future__ import annotations

from sqlalchemy import select

from intake.db.models import StaffUser
from tests.web.conftest import PASSWORD, WebApp, csrf_token, post, signed_in


def test_only_an_admin_sees_and_changes_accounts(web: WebApp) -> None:
    for username in ("olivia", "mo"):
        client = signed_in(web, username)
        assert client.get("/admin/users").status_code == 403
        token = csrf_token(client.get("/queue").text)
        assert client.post("/admin/users", data={"csrf_token": token, "username": "x"}).status_code == 403
    admin = signed_in(web, "ada")
    assert "Add an account" in admin.get("/admin/users").text
    status, page = post(admin, "/admin/users", "/admin/users", username="nia", display_name="Nia New",
                        role="officer", email="nia@northshire.example.org", password="a brand new passphrase")
    assert "Account nia (officer) created" in page
    assert "too short" in post(admin, "/admin/users", "/admin/users", username="short", display_name="S",
                               role="officer", password="short")[1]
    assert "already a user" in post(admin, "/admin/users", "/admin/users", username="nia", display_name="N",
                                    role="officer", password="a brand new passphrase")[1]
    assert "can no longer sign in" in post(admin, "/admin/users/olivia/disable", "/admin/users")[1]
    assert "your own account" in post(admin, "/admin/users/ada/disable", "/admin/users")[1]
    with web.session() as session:
        states = dict(session.execute(select(StaffUser.username, StaffUser.active)).tuples().all())
    assert states["nia"] is True and states["olivia"] is False and states["ada"] is True


def test_a_user_changes_their_own_password(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    assert "not right" in post(client, "/account/password", "/account/password", current="wrong one entirely",
                               new="another long passphrase", again="another long passphrase")[1]
    assert "not the same" in post(client, "/account/password", "/account/password", current=PASSWORD,
                                  new="another long passphrase", again="a different passphrase")[1]
    assert "Password changed" in post(client, "/account/password", "/account/password", current=PASSWORD,
                                      new="another long passphrase", again="another long passphrase")[1]
    fresh = web.app.test_client()
    token = csrf_token(fresh.get("/login").text)
    assert fresh.post("/login", data={"username": "olivia", "password": PASSWORD, "csrf_token": token}).status_code == 401
    assert fresh.post("/login", data={"username": "olivia", "password": "another long passphrase",
                                      "csrf_token": token}).status_code == 302

"""Accounts: admins add and disable staff accounts; everyone changes their own password."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers.response import Response

from intake import accounts
from intake.db.models import StaffUser
from intake.web.auth import requires
from intake.web.context import commit_or_refuse, db, user

blueprint = Blueprint("accounts", __name__)


@blueprint.route("/admin/users")
@requires("admin")
def users() -> str:
    rows = db().scalars(select(StaffUser).order_by(StaffUser.username)).all()
    return render_template("web/users.html", users=rows, roles=accounts.ROLES)


@blueprint.route("/admin/users", methods=["POST"])
@requires("admin")
def add() -> Response:
    form = request.form

    def create() -> str:
        created = accounts.add_user(db(), form.get("username", ""), display_name=form.get("display_name", ""),
                                    role=form.get("role", ""), password=form.get("password", ""),
                                    email=form.get("email", ""))
        return f"Account {created.username} ({created.role}) created"

    commit_or_refuse(create)
    return redirect(url_for("accounts.users"))


@blueprint.route("/admin/users/<username>/disable", methods=["POST"])
@requires("admin")
def disable(username: str) -> Response:
    def stop() -> str:
        if username == user().username:
            raise accounts.AccountRefused("you cannot disable your own account")
        accounts.find_user(db(), username).active = False
        return f"{username} can no longer sign in"

    commit_or_refuse(stop)
    return redirect(url_for("accounts.users"))


@blueprint.route("/account/password", methods=["GET", "POST"])
def password() -> str | Response:
    if request.method == "GET":
        return render_template("web/password.html")
    me = user()
    if not accounts.password_matches(me, request.form.get("current", "")):
        flash("Not done: the current password is not right.", "error")
    elif request.form.get("new", "") != request.form.get("again", ""):
        flash("Not done: the two new passwords are not the same.", "error")
    else:
        def change() -> str:
            accounts.set_password(db(), me, request.form.get("new", ""))
            return "Password changed"

        if commit_or_refuse(change):
            return redirect(url_for("queue.show"))
    return redirect(url_for("accounts.password"))

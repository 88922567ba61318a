"""Accounts: admins add and disable staff accounts; everyone changes their own password."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers.response import Response

from intake import accounts
from intake.db.models import StaffUser
from intake.errors import IntakeError
from intake.web.auth import requires
from intake.web.context import db, user

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
    try:
        created = accounts.add_user(db(), form.get("username", ""), display_name=form.get("display_name", ""),
                                    role=form.get("role", ""), password=form.get("password", ""),
                                    email=form.get("email", ""))
    except IntakeError as exc:
        db().rollback()
        flash(f"Not done: {exc}", "error")
    else:
        db().commit()
        flash(f"Account {created.username} ({created.role}) created", "success")
    return redirect(url_for("accounts.users"))


@blueprint.route("/admin/users/<username>/disable", methods=["POST"])
@requires("admin")
def disable(username: str) -> Response:
    try:
        if username == user().username:
            raise accounts.AccountRefused("you cannot disable your own account")
        accounts.find_user(db(), username).active = False
    except IntakeError as exc:
        db().rollback()
        flash(f"Not done: {exc}", "error")
    else:
        db().commit()
        flash(f"{username} can no longer sign in", "success")
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
        try:
            accounts.set_password(db(), me, request.form.get("new", ""))
        except IntakeError as exc:
            db().rollback()
            flash(f"Not done: {exc}", "error")
        else:
            db().commit()
            flash("Password changed", "success")
            return redirect(url_for("queue.show"))
    return redirect(url_for("accounts.password"))

"""Staff accounts: passwords, roles, and throttled sign-in.

Passwords are hashed with argon2 (argon2-cffi, the maintained binding of the
Password Hashing Competition winner) and never stored or logged otherwise.
Failed attempts are counted in the database, not in a process, so several web
workers throttle guessing together.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.db.models import SignInAttempt, StaffUser
from intake.errors import IntakeError

ROLES = ("officer", "manager", "admin")
MIN_PASSWORD_LENGTH = 12
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20

_hasher = PasswordHasher()
# Verified against when the account does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("an account that does not exist")


class AccountRefused(IntakeError):
    exit_code = 2


@dataclass(frozen=True)
class SignIn:
    """The outcome of one attempt: the user, or why not (one sentence for the sign-in page)."""

    user: StaffUser | None
    problem: str = ""


def has_role(user: StaffUser, role: str) -> bool:
    """Roles are ranked: a manager can do what an officer can, an admin what a manager can."""
    return ROLES.index(user.role) >= ROLES.index(role)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountRefused(f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters "
                             "(a few unrelated words make a good one)")


def add_user(session: Session, username: str, *, display_name: str, role: str, password: str,
             email: str = "") -> StaffUser:
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AccountRefused("a username is letters and digits, with . - or _ between them")
    if role not in ROLES:
        raise AccountRefused(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
        raise AccountRefused(f"there is already a user {username!r}; `intake users password` changes a password")
    check_password_strength(password)
    user = StaffUser(username=username, display_name=display_name.strip() or username, role=role,
                     email=email.strip(), password_hash=_hasher.hash(password), active=True)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: StaffUser, password: str) -> None:
    check_password_strength(password)
    user.password_hash = _hasher.hash(password)


def find_user(session: Session, username: str) -> StaffUser:
    user = session.scalar(select(StaffUser).where(StaffUser.username == username.strip().lower()))
    if user is None:
        raise AccountRefused(f"no user {username!r}; `intake users` lists them")
    return user


def sign_in(session: Session, username: str, password: str, *, remote_addr: str, now: dt.datetime) -> SignIn:
    """Check a password, unless this account or address has failed too often lately."""
    username = username.strip().lower()[:64]
    wait = _throttled_for(session, username, remote_addr, now)
    if wait:
        minutes = math.ceil(wait.total_seconds() / 60)
        return SignIn(None, f"Too many failed attempts. Try again in {minutes} minute{'s' * (minutes != 1)}.")
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    session.add(SignInAttempt(username=username, remote_addr=remote_addr[:64], succeeded=ok, at=now))
    if not ok or user is None:
        return SignIn(None, "The username or password is not right.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_sign_in_at = now
    return SignIn(user)


def password_matches(user: StaffUser, password: str) -> bool:
    return _verify(user.password_hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _throttled_for(session: Session, username: str, remote_addr: str, now: dt.datetime) -> dt.timedelta | None:
    since = now - WINDOW
    for column, value, limit in ((SignInAttempt.username, username, MAX_FAILURES_PER_ACCOUNT),
                                 (SignInAttempt.remote_addr, remote_addr, MAX_FAILURES_PER_ADDRESS)):
        failures = select(SignInAttempt.at).where(column == value, SignInAttempt.at >= since,
                                                  SignInAttempt.succeeded.is_(False))
        last_success = session.scalar(select(func.max(SignInAttempt.at)).where(
            column == value, SignInAttempt.at >= since, SignInAttempt.succeeded.is_(True)))
        if last_success is not None:
            failures = failures.where(SignInAttempt.at > last_success)
        times = sorted(session.scalars(failures))
        if len(times) >= limit:
            return times[-limit] + WINDOW - now
    return None

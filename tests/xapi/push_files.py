"""The files every xapi push test starts from: an empty work folder with a database path, and an
auth file (mode 0600)."""
import os
import shutil


def fresh_database(work, name):
    shutil.rmtree(work, ignore_errors=True)  # what an earlier run left
    os.makedirs(work)
    return os.path.join(work, name)


def auth_file(work, key, secret):
    path = os.path.join(work, "lrs.auth")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(f"{key}:{secret}\n")
    os.chmod(path, 0o600)
    return path


def demo_database(db, make):
    """Puts a demo database at db: a copy of the run's shared one (DEMO_DB, made once by ctest,
    tests/CMakeLists.txt) or, run by hand, a new one made by make() (`trainer init`, `demo create`)."""
    shared = os.environ.get("DEMO_DB", "")
    if shared and os.path.isfile(shared):
        for suffix in ("", ".pinkey"):  # the PIN key lives beside the database (SECURITY.md)
            if os.path.isfile(shared + suffix):
                shutil.copyfile(shared + suffix, db + suffix)
                os.chmod(db + suffix, 0o600)
    else:
        make()

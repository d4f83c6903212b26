"""One headless LibreOffice for a test script, reached through UNO.

    with libreoffice_desktop() as desktop:   # None when LibreOffice did not start
        doc = desktop.loadComponentFromURL(…)

Under jest the run's global setup starts one LibreOffice for every check of the run and names its
UNO connection in BAOXUE_LIBREOFFICE (scripts/libreoffice-server.cjs): the script takes it, one at
a time (a lock, as jest runs two files at once), and closes what it left open. Otherwise, or when
that LibreOffice does not answer, the script starts its own with a fresh profile on a free
loopback port, and ends and cleans it up on leaving the `with` block.
"""
import contextlib, fcntl, os, shutil, socket, subprocess, tempfile, time

import uno
from com.sun.star.beans import PropertyValue

SHARED = "BAOXUE_LIBREOFFICE"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(connection, tries):
    """The Desktop of the LibreOffice listening on `connection` (a UNO connection string), or None."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(tries):
        try:
            ctx = resolver.resolve(f"uno:{connection};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.25)
    return None


def close_all(desktop):
    """Closes every document still open, so the next script finds the shared LibreOffice as it was."""
    components = desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        try:
            components.nextElement().close(True)
        except Exception:
            pass


@contextlib.contextmanager
def shared_desktop(connection):
    # The setup starts LibreOffice without waiting for it: the first script may wait for it here.
    with open(os.environ[SHARED + "_LOCK"], "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        desktop = connect(connection, 240)
        try:
            yield desktop
        finally:
            if desktop is not None:
                close_all(desktop)


@contextlib.contextmanager
def own_desktop():
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    port = free_port()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{profile}",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        desktop = connect(f"socket,host=127.0.0.1,port={port}", 240)
        yield desktop
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def libreoffice_desktop():
    connection = os.environ.get(SHARED)
    if connection:
        with shared_desktop(connection) as desktop:
            if desktop is not None:
                yield desktop
                return
    with own_desktop() as desktop:
        yield desktop

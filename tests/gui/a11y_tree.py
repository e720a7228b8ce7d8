#!/usr/bin/python3
"""The main window as a screen reader sees it, from outside the process.

Starts `arr-session-manager --demo` under its own X server (xvfb-run) and D-Bus session
(dbus-run-session) with Qt's AT-SPI bridge always on, and walks the window's accessibility tree
through the AT-SPI registry (pyatspi), as Orca does:

- every button, field, check box, combo box, menu, menu item and tab has a name and a known role;
- each row of the sessions table reads its account, session, status and time remaining;
- the message bars are announced: role alert (or notification), their text as the name.

Exit status 0 when all holds, 1 with the list of what does not, 77 (CTest's SKIP_RETURN_CODE) with
the reason when the AT-SPI bus cannot be had here.

Usage: a11y_tree.py PATH-TO-arr-session-manager
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77
INNER = "ARRSM_A11Y_INNER"

# Roles a person works with: each must say what it is.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "password text", "entry",
    "combo box", "spin button", "slider", "menu", "menu item", "check menu item", "radio menu item",
    "page tab", "link",
}
# The columns a row must read, by their header's words.
ROW_COLUMNS = ["Account", "Session ID", "Status", "Remaining"]


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def outer(app):
    """Runs this script again inside a private X server and D-Bus session."""
    for tool in ("xvfb-run", "dbus-run-session"):
        if not shutil.which(tool):
            skip(f"{tool} is not installed (Debian: xvfb, dbus)")
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        skip("the AT-SPI bus launcher is not installed (Debian: at-spi2-core)")
    env = dict(os.environ, **{INNER: "1"})
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "dbus-run-session", "--",
               sys.executable, os.path.abspath(__file__), app]
    return subprocess.call(command, env=env)


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    return None


def x_server_answers(display):
    number = display.lstrip(":").split(".")[0]
    if not number.isdigit():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        try:
            connection.connect(f"/tmp/.X11-unix/X{number}")
            return True
        except OSError:
            return False


def role(node):
    try:
        return node.getRoleName()
    except Exception:  # A node that went away while walking.
        return ""


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def walk(node, path=(), depth=0):
    """Every node under `node` with its path of roles, tables' cells left out (read apart)."""
    if node is None or depth > 60:
        return
    yield node, path
    if role(node) in ("table", "tree table", "tree"):
        for child in children(node):
            if role(child) == "table column header":
                yield child, path + (role(node),)
        return
    for child in children(node):
        yield from walk(child, path + (role(node),), depth + 1)


def check_names(pyatspi, window):
    problems = []
    for node, path in walk(window):
        node_role = role(node)
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        # The menus are read when opened: everything under the menu bar counts, shown now or not.
        in_menus = "menu bar" in path or node_role == "menu bar"
        if not (showing or in_menus):
            continue
        where = " > ".join(path[-3:] + (node_role,))
        if node_role == "unknown" and states.contains(pyatspi.STATE_FOCUSABLE):
            problems.append(f"a focusable object without a role ({where})")
        if (node_role in NAMED_ROLES or node_role == "popup menu") and not (node.name or "").strip():
            problems.append(f"a {node_role} without a name ({where})")
    return problems


def find(window, predicate):
    for node, _ in walk(window):
        if predicate(node):
            return node
    return None


def check_rows(window):
    table = find(window, lambda n: role(n) == "table" and n.name == "Sessions")
    if table is None:
        return ["no table named Sessions"]
    grid = table.queryTable()
    headers = {}
    for column in range(grid.nColumns):
        header = grid.getColumnHeader(column)
        if header is not None:
            headers[header.name] = column
    missing = [name for name in ROW_COLUMNS if name not in headers]
    if missing:
        return [f"the sessions table has no column {', '.join(missing)} (it has {sorted(headers)})"]
    if grid.nRows == 0:
        return ["the sessions table has no rows"]
    problems = []
    for row in range(grid.nRows):
        read = {name: (grid.getAccessibleAt(row, headers[name]).name or "").strip() for name in ROW_COLUMNS}
        print(f"row {row + 1}: " + ", ".join(read.values()))
        silent = [name for name, text in read.items() if not text]
        if silent:
            problems.append(f"row {row + 1} reads nothing for {', '.join(silent)}: {read}")
    print(f"the sessions table: {grid.nRows} rows, each reading {', '.join(ROW_COLUMNS)}")
    return problems


def check_alerts(pyatspi, window):
    alerts = [node for node, _ in walk(window)
              if role(node) in ("alert", "notification") and node.getState().contains(pyatspi.STATE_SHOWING)]
    if not alerts:
        return ["no message bar is announced (no showing object with the role alert or notification)"]
    problems = [f"an {role(a)} without a name" for a in alerts if not (a.name or "").strip()]
    for alert in alerts:
        print(f"announced ({role(alert)}): {alert.name}")
    return problems


def inner(app):
    try:
        import pyatspi
    except ImportError as error:
        skip(f"pyatspi cannot be imported ({error}; Debian: python3-pyatspi)")
    home = tempfile.mkdtemp(prefix="arrsm-a11y-")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    env.pop("QT_QPA_PLATFORMTHEME", None)
    # xvfb-run may hand over before its server takes connections.
    if not wait_for(lambda: x_server_answers(env.get("DISPLAY", "")), 15):
        skip(f"the X server {env.get('DISPLAY')} does not answer")
    # A first client may be refused while the new server settles: the app is started again then.
    for attempt in range(5):
        process = subprocess.Popen([app, "--demo"], env=env)
        try:
            process.wait(2)
        except subprocess.TimeoutExpired:
            break
        time.sleep(1)
    try:
        try:
            desktop = pyatspi.Registry.getDesktop(0)
        except Exception as error:
            skip(f"the AT-SPI registry cannot be reached ({error})")

        def window():
            for i in range(desktop.childCount):
                application = desktop.getChildAtIndex(i)
                if application is None or application.name != "arr-session-manager":
                    continue
                for frame in children(application):
                    if role(frame) == "frame" and "ARR Session Manager" in (frame.name or ""):
                        return frame
            return None

        frame = wait_for(window, 30)
        if frame is None:
            if process.poll() is not None:
                print(f"FAIL: the app ended with status {process.returncode}")
                return 1
            print("FAIL: the app's window never appeared on the AT-SPI bus")
            return 1
        # The demo's sessions listed.
        if not wait_for(lambda: find(frame, lambda n: role(n) == "table" and n.name == "Sessions"
                                     and n.queryTable().nRows > 0), 30):
            print("FAIL: no sessions appeared in the table")
            return 1
        problems = check_names(pyatspi, frame) + check_rows(frame) + check_alerts(pyatspi, frame)
        for problem in problems:
            print(f"FAIL: {problem}")
        if not problems:
            print("PASS: every control named, every row read, the message bars announced")
        return 1 if problems else 0
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(home, ignore_errors=True)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    app = sys.argv[1]
    if not os.access(app, os.X_OK):
        print(f"FAIL: {app} is not a program")
        return 1
    return inner(app) if os.environ.get(INNER) else outer(app)


if __name__ == "__main__":
    sys.exit(main())

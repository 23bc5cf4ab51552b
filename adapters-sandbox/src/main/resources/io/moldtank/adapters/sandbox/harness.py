"""MoldTank's pytest harness: runs the poster's tests and prints one signed report of what really ran.

Why it looks like this: the submission's code runs inside this process as soon as a test imports
it, so nothing the process holds can be trusted to stay put. The report key arrives in the
environment, is removed from it at once, and then lives only inside the audit hook's closure, which
no Python object refers to; the process is made non-dumpable so /proc cannot give the key back.
Outcomes reach the hook through audit events that it accepts only from this file's pytest plugin,
called by pytest on the main thread with no submission frame on the stack, while the framework's
modules and classes, the registered plugins, the signal handlers and the collected tests are as they
were when the session started. Anything else, or any use of gc/ctypes/tracing/code forgery, ends
the run at once with a signed "tampered" report. The hook never raises (a traceback would lead to
its frame) and calls no code but its own, with a private copy of the builtins.
"""
import os
import sys

KEY = os.environ.pop("MOLDTANK_REPORT_KEY", "")  # os.environ.pop also unsets it for any child process

import pytest  # noqa: E402 the framework is imported before the submission's directory is on the path

GUARD = r'''
def arm(mac, out_fd, trusted, run_id):
    import _signal, _thread, _pytest.runner, _pytest.reports, _pytest.nodes
    getsignal = _signal.getsignal
    valid_signals = _signal.valid_signals
    TestReport = _pytest.reports.TestReport
    CollectReport = _pytest.reports.CollectReport
    call_and_report = _pytest.runner.call_and_report.__code__
    getframe = sys._getframe
    current_frames = sys._current_frames
    get_ident = _thread.get_ident
    main_ident = get_ident()
    exit_now = os._exit
    write = os.write
    startswith = str.startswith
    proxy_of = type.__dict__["__dict__"].__get__
    nodeid_of = proxy_of(_pytest.nodes.Node)["_nodeid"].__get__  # a slot: read through its C descriptor
    SUBMISSION = "/work/submission/"
    PREFIX = "MOLDTANK-REPORT-1 "
    MUTABLE = {("_pytest.assertion.util", "_reprcompare"), ("_pytest.assertion.util", "_assertion_pass"),
               ("_pytest.assertion.util", "_config")}
    IGNORED = {"_pytest_diamond_inheritance_warning_shown"}  # a flag pytest sets on node classes while collecting
    busy = [False]
    st = {"records": [], "seen": set(), "errors": [], "snap": None, "signals": None, "hooks": None, "config": None,
          "watched": [], "pm": None, "items": None, "signed": False, "session": False, "collected": False}

    def snapshot(modules):
        snap = []
        for name, module in modules:
            d = module.__dict__
            snap.append((name, d, [(k, v) for k, v in d.items() if k not in IGNORED]))
            for value in list(d.values()):
                if isinstance(value, type) and getattr(value, "__module__", None) == name:  # NodeMeta classes too
                    p = proxy_of(value)
                    snap.append((name, p, [(k, v) for k, v in p.items() if k not in IGNORED]))
        return snap

    def unchanged(snap):
        for name, d, pairs in snap:
            i = 0
            for k, v in d.items():
                if type(k) is not str:
                    return "non-string attribute name in " + name
                if k in IGNORED:
                    continue
                if i >= len(pairs) or k is not pairs[i][0]:
                    return "framework changed: " + name
                if v is not pairs[i][1] and (name, k) not in MUTABLE:
                    return "framework changed: " + name + "." + k
                i += 1
            if i != len(pairs):
                return "framework changed: " + name
        return None

    def signals():
        return [(n, getsignal(n)) for n in sorted(valid_signals()) if n not in (9, 19)]  # not SIGKILL, SIGSTOP

    def same_signals():
        now = signals()
        return len(now) == len(st["signals"]) and all(a[1] is b[1] for a, b in zip(now, st["signals"]))

    def override(obj):
        # An instance attribute named like a method of its class replaces that method for this object.
        classes = type(obj).__mro__
        for k, v in obj.__dict__.items():
            if type(k) is not str:
                return "non-string attribute name"
            for c in classes:
                p = proxy_of(c)
                if k in p:
                    if callable(p[k]) and k not in ("__init__",):
                        return "method replaced on a pytest object: " + k
                    break
        return None

    def hooks():
        # Which hook implementations pytest will call: the relay's callers and their impl lists.
        relay = instance_get(st["pm"], "hook")
        out = [relay, instance_get(st["pm"], "_name2plugin")]
        for k, v in list(instance_get(st["pm"], "_name2plugin").items()):
            out += [k, v]
        # every attribute value of the objects that decide which function pytest calls: a swapped
        # HookImpl.function or PluginManager._inner_hookexec is as good as a patched module
        out += [instance_get(st["pm"], k) for k in ("_inner_hookexec", "hook")]
        out += [instance_get(st["config"], k) for k in ("hook", "pluginmanager")]
        for name, caller_ in list(relay.__dict__.items()):
            out += [caller_] + [instance_get(caller_, k) for k in ("_hookexec", "spec")] + ["|"]
            for impl in list(instance_get(caller_, "_wrappers") or ()) + list(instance_get(caller_, "_nonwrappers") or ()):
                out += [impl] + [instance_get(impl, k) for k in ("function", "plugin", "argnames", "kwargnames",
                                                                 "hookwrapper", "tryfirst", "trylast", "opts")]
        return out

    def same_hooks():
        now = hooks()
        return len(now) == len(st["hooks"]) and all(a is b for a, b in zip(now, st["hooks"]))

    def untrusted(frame):
        while frame is not None:
            name = frame.f_code.co_filename
            if type(name) is not str or startswith(name, SUBMISSION) or not (startswith(name, "/") or startswith(name, "<frozen ")):
                return True
            frame = frame.f_back
        return False

    def esc(text):
        out = []
        for ch in text:
            n = ord(ch)
            out.append(ch if 0x20 <= n < 0x7f and ch not in '"\\' else "\\u%04x" % n if n < 0x10000 else "?")
        return '"' + "".join(out) + '"'

    def emit(tampered):
        if st["signed"]:
            exit_now(4)
        st["signed"] = True
        tests = ",".join('{"id":%s,"when":%s,"outcome":%s,"xfail":%s}' % (esc(r[0]), esc(r[1]), esc(r[2]),
                         "true" if r[3] else "false") for r in st["records"])
        errors = ",".join(esc(e) for e in st["errors"])
        body = '{"run":%s,"tests":[%s],"collectErrors":[%s],"tampered":%s}' % (
            esc(run_id), tests, errors, "null" if tampered is None else esc(tampered))
        data = body.encode("ascii")
        m = mac.copy()
        m.update(data)
        line = "\n" + PREFIX + data.hex() + " " + m.hexdigest() + "\n"
        try:
            write(out_fd, line.encode("ascii"))
        except OSError:
            pass

    def tamper(why):
        emit(why)
        exit_now(3)

    def state_ok():
        why = unchanged(st["snap"])
        if why:
            return why
        if not same_signals():
            return "signal handlers changed"
        if not same_hooks():
            return "pytest plugins or hooks changed"
        for obj in st["watched"]:
            why = override(obj)
            if why:
                return why
        if len(current_frames()) != 1:
            return "threads still running when pytest reported"
        return None

    def caller(expected):
        frame = getframe(3)  # 0: this function, 1: the handler, 2: the hook, 3: whoever raised the event
        return frame if frame is not None and frame.f_code is trusted[expected] else None

    def instance_get(obj, key):
        d = obj.__dict__
        for k, v in d.items():
            if type(k) is not str:
                tamper("non-string attribute name")
            if k == key:
                return v
        return None

    def on_session(args):
        if st["session"] or caller("sessionstart") is None or get_ident() != main_ident:
            tamper("session event out of place")
        st["session"] = True
        session = args[0]
        st["pm"] = session.config.pluginmanager
        st["config"] = session.config
        st["watched"] = [session, session.config, st["pm"]]
        modules = [(n, m) for n, m in list(sys.modules.items())
                   if type(n) is str and m is not None and (n in ("pytest", "__main__", "hmac", "_pytest", "pluggy")
                                                            or startswith(n, "_pytest.") or startswith(n, "pluggy."))]
        st["snap"] = snapshot(modules)
        st["signals"] = signals()
        st["hooks"] = hooks()
        st["watched"] += [h for h in st["hooks"] if type(h).__module__ in ("pluggy._hooks", "pluggy._manager")]

    def on_collected(args):
        if not st["session"] or st["collected"] or caller("collection_finish") is None or untrusted(getframe(1)):
            tamper("collection event out of place")
        why = state_ok()
        if why:
            tamper(why)
        st["collected"] = True
        st["items"] = {id(i): (i, instance_get(i, "_obj")) for i in list(args[0].items)}

    def on_report(args):
        report = args[0]
        if type(report) is CollectReport:
            if caller("collectreport") is None or untrusted(getframe(1)) or get_ident() != main_ident:
                tamper("collection report out of place")
            nodeid, outcome = report.nodeid, report.outcome
            if type(nodeid) is not str or type(outcome) is not str:
                tamper("collection report of the wrong types")
            if outcome != "passed":
                st["errors"].append(nodeid + ": " + outcome)
            return
        if type(report) is not TestReport or caller("logreport") is None or get_ident() != main_ident:
            tamper("test report out of place")
        if not st["collected"] or untrusted(getframe(1)):
            tamper("test report from submission code")
        why = state_ok()
        if why:
            tamper(why)
        nodeid, when, outcome = report.nodeid, report.when, report.outcome
        if type(nodeid) is not str or type(when) is not str or type(outcome) is not str:
            tamper("test report of the wrong types")
        frame, item = getframe(1), None
        while frame is not None:
            if frame.f_code is call_and_report:
                loc = frame.f_locals
                item = loc.get("item")
                if loc.get("when") != when:
                    tamper("test report for another phase")
                break
            frame = frame.f_back
        if item is None or id(item) not in st["items"] or st["items"][id(item)][0] is not item:
            tamper("test report outside pytest's run of a collected test")
        if nodeid_of(item) != nodeid:
            tamper("test report for another test")
        obj = st["items"][id(item)][1]
        if obj is not None and instance_get(item, "_obj") is not obj:
            tamper("test function replaced")
        why = override(item)
        if why:
            tamper(why)
        if (nodeid, when) in st["seen"]:
            tamper("two reports for one test phase")
        st["seen"].add((nodeid, when))
        st["records"].append((nodeid, when, outcome, instance_get(report, "wasxfail") is not None))

    def on_finish(args):
        frame = caller("finish")
        if frame is None or frame.f_back is None or frame.f_back.f_code is not trusted["main"] or get_ident() != main_ident:
            tamper("finish out of place")
        emit(None)  # outcomes were checked as they arrived; pytest's own cleanup changes its classes afterwards

    FORBIDDEN = ("gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames", "sys.settrace",
                 "sys.setprofile", "code.__new__", "function.__new__", "sys.setrecursionlimit")
    HANDLERS = {"moldtank.session": on_session, "moldtank.collected": on_collected, "moldtank.report": on_report,
                "moldtank.finish": on_finish}

    def hook(event, args):
        if busy[0] or type(event) is not str:
            return
        busy[0] = True
        try:
            handler = HANDLERS.get(event)
            if handler is not None:
                handler(args)
            elif event in FORBIDDEN or startswith(event, "ctypes."):
                tamper("forbidden: " + event)
            elif event == "object.__setattr__" and len(args) > 1 and type(args[1]) is str and args[1] == "__code__":
                tamper("forbidden: replacing a function's code")
            elif event == "compile" and len(args) > 1 and type(args[1]) is str and startswith(args[1], "/") \
                    and not (startswith(args[1], "/work/acceptance/") or startswith(args[1], SUBMISSION)) \
                    and getframe(1).f_code.co_filename != "<frozen importlib._bootstrap_external>" \
                    and untrusted(getframe(1)):
                # code compiled under a framework's file name, from submission code: a forged trusted frame
                tamper("forbidden: compiling code under another file's name")
            elif event == "open" and type(args[0]) is str and startswith(args[0], "/proc/") and (
                    args[0].endswith("/mem") or args[0].endswith("/environ")):
                tamper("forbidden: reading process memory")
        except BaseException:
            tamper("guard failure")
        finally:
            busy[0] = False

    return hook
'''


class MoldtankPlugin:
    """Passes pytest's own reports to the guard; the guard checks that pytest is the one calling."""

    @pytest.hookimpl(trylast=True)  # after every plugin has registered what it registers at session start
    def pytest_sessionstart(self, session):
        sys.audit("moldtank.session", session)

    def pytest_collection_finish(self, session):
        sys.audit("moldtank.collected", session)

    def pytest_collectreport(self, report):
        sys.audit("moldtank.report", report)

    def pytest_runtest_logreport(self, report):
        sys.audit("moldtank.report", report)


def finish():
    sys.audit("moldtank.finish")


def main():
    import ctypes
    import hmac
    import json
    ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: /proc/self/{environ,mem} become root's
    global KEY
    mac = hmac.new(bytes.fromhex(KEY), digestmod="sha256")
    KEY = None
    out_fd = os.dup(1)  # the report goes here even if the code redirects or closes stdout
    with open("/work/.moldtank/run.json", encoding="utf-8") as f:
        run = json.load(f)
    sys.path.append("/work/submission")  # last: a submitted json.py or pytest.py cannot shadow anything
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    p = MoldtankPlugin
    trusted = {"sessionstart": p.pytest_sessionstart.__code__, "collection_finish": p.pytest_collection_finish.__code__,
               "collectreport": p.pytest_collectreport.__code__, "logreport": p.pytest_runtest_logreport.__code__,
               "finish": finish.__code__, "main": main.__code__}
    guard = {"__builtins__": dict(__builtins__.__dict__ if hasattr(__builtins__, "__dict__") else __builtins__),
             "sys": sys, "os": os}
    exec(compile(GUARD, "/work/.moldtank/guard.py", "exec"), guard)
    sys.addaudithook(guard.pop("arm")(mac._hmac, out_fd, trusted, run["run"]))  # the C object: no Python method to patch
    del mac, guard, trusted, p
    code = pytest.main(["--rootdir=/work/acceptance", "-p", "no:cacheprovider", "-p", "no:stepwise"] + run["args"],
                       plugins=[MoldtankPlugin()])
    finish()
    return int(code)


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # the report is out; no submission atexit handler runs after it

import os
leaked = os.environ.get("MOLDTANK_REPORT_KEY")
assert leaked is None, "the key is still in the environment"
open("/proc/self/environ", "rb").read()
def add(a, b):
    return 0

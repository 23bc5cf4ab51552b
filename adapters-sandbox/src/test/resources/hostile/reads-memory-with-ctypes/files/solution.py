import ctypes
ctypes.string_at(id(object()), 64)
def add(a, b):
    return 0

import logging, sys, threading
log = logging.getLogger("solution")
def add(a, b):
    log.warning("adding %s", sys._getframe().f_code.co_name)  # frames and logging are allowed
    t = threading.Thread(target=lambda: None); t.start(); t.join()
    return a + b

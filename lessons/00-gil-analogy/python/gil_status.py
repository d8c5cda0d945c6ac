"""Is the GIL on in this interpreter?

Run:  python3 gil_status.py

What you see: the Python version, whether the interpreter was *built* free-threaded
(sysconfig's Py_GIL_DISABLED: 1 on a free-threaded "3.13t" build, 0 or None otherwise) and
whether the GIL is *on right now* (sys._is_gil_enabled(), which exists only on 3.13+; a
free-threaded build can still turn the GIL back on, e.g. with PYTHON_GIL=1 or when an
extension module needs it). On 3.12 and older every stock build has a GIL, so the program says
so without asking.
"""
import sys
import sysconfig

# ANCHOR: status
def gil_enabled() -> bool:
    if hasattr(sys, "_is_gil_enabled"):           # 3.13+
        return sys._is_gil_enabled()
    return True                                   # 3.12 and older: always a GIL


if __name__ == "__main__":
    print("Python", sys.version.split()[0])
    print("built free-threaded (Py_GIL_DISABLED):", sysconfig.get_config_var("Py_GIL_DISABLED"))
    print("GIL enabled now:", gil_enabled())
# ANCHOR_END: status

// Intentionally empty: the header declares a function of the libFuzzer runtime. SwiftPM needs one
// source file per C target.
#include "CLibFuzzer.h"

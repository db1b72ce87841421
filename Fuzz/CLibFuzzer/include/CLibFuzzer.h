// libFuzzer's entry point for programs that keep their own `main` (LLVM 11 and later). SwiftPM
// links every executable with `main` aliased to `<Target>_main`, so the fuzz targets define that
// function and hand control to libFuzzer through this driver.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line `argc`/`argv`, calling `callback` with each input.
/// Provided by the libFuzzer runtime that `-sanitize=fuzzer` links in; declared only.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

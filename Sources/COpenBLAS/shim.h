// CBLAS from OpenBLAS (Debian: libopenblas-dev), for Lucid's matrix products.
#ifndef LUCID_COPENBLAS_SHIM_H
#define LUCID_COPENBLAS_SHIM_H

#include <cblas.h>

#endif

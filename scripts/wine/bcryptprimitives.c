/*
 * For the release check only, never shipped: a stand-in for Windows' bcryptprimitives.dll in
 * the wine prefix that scripts/release.sh runs the Windows command in. Rust's standard library
 * (1.78 and later) takes its random seeds from ProcessPrng in bcryptprimitives.dll, which every
 * Windows since 8 has but Debian's wine 8 does not: without it the program cannot start under
 * wine. This forwards to RtlGenRandom (advapi32 SystemFunction036), which wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}

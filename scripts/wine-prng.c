/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under
 * Debian 12's wine 8.0, which lacks it: Rust's standard library takes its random numbers
 * from ProcessPrng there, which every Windows 10 and 11 has. scripts/wine-check.sh builds
 * this beside the .exe under wine only; it answers with RtlGenRandom, which wine has. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!RtlGenRandom(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}

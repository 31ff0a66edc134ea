// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// Preloaded (LD_PRELOAD) into the one d4-server that tst_connectionstorm::descriptorsExhausted runs
// out of file descriptors, in UndefinedBehaviorSanitizer builds only. It makes gcc's UBSan runtime
// initialise itself while descriptors are still free.
//
// Why (gcc 12's libsanitizer, the LLVM compiler-rt sources it is merged from):
// - ubsan/ubsan_init.cpp: the shared libubsan does not initialise at start-up. InitAsStandalone()
//   (which reads UBSAN_OPTIONS from /proc/self/environ and the suppressions file) runs lazily, from
//   the first failed check (ScopedReport::Initializer, IsVptrCheckSuppressed, IsPCSuppressed in
//   ubsan/ubsan_diag.cpp). Seen with strace: /proc/self/environ is opened right before the first
//   report. With no descriptor left that read fails, so a suppression file is never loaded.
// - ubsan/ubsan_type_hash_itanium.cpp, getVtablePrefix(): on a vptr type-cache miss the vtable is
//   probed with IsAccessibleMemoryRange(), which (sanitizer_common/sanitizer_posix_libcdep.cpp)
//   creates a pipe() and write()s the memory into it: `if (pipe(sock_pair)) return false;`. Under
//   EMFILE the probe says "inaccessible", checkDynamicType() fails and the report says "object has
//   invalid vptr" for a live object; printing its memory fails the same way ("<memory cannot be
//   printed>").
// - ubsan/ubsan_handlers_cxx.cpp: __ubsan_handle_dynamic_type_cache_miss_abort (what
//   -fno-sanitize-recover=all calls) uses GET_REPORT_OPTIONS(false) ("-fsanitize=vptr is always
//   recoverable") and dies only when HandleDynamicTypeCacheMiss() printed a report, so a suppression
//   does stop it. But `vptr_check:<type>` entries are only consulted when the dynamic type could be
//   read (DTI.isValid()), which the failed probe prevents; only `vptr:<file|function|module>`
//   entries, matched against the check's source file name without any I/O (IsPCSuppressed), apply.
//
// The trigger is a floating-point division by zero, compiled with a recoverable
// -fsanitize=float-divide-by-zero: well defined on IEEE 754 targets (the result is +inf), so nothing
// undefined happens, yet its handler goes through IsPCSuppressed() and so initialises the runtime.
// The test's suppression file (ubsan-descriptors-exhausted.supp) has an entry for it, so no report.

namespace {

__attribute__((constructor)) void initialiseUbsanRuntime()
{
    volatile double zero = 0.0;
    volatile double infinity = 1.0 / zero;
    static_cast<void>(infinity);
}

} // namespace

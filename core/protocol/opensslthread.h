// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::protocol {

/**
 * Frees OpenSSL's state for the calling thread now: its error queue (904 bytes, allocated by the
 * first EVP fetch or TLS call) and its random generators. OpenSSL frees them by itself only in a
 * pthread key destructor at the thread's exit. For a QThread, QThreadPool's included, that runs
 * after QThread::wait() has returned (Qt signals the end of the thread before the key destructors
 * run), so a process that exits right then leaves the state to LeakSanitizer as a leak. A QThread
 * (or a pool task) that used OpenSSL calls this when done with it; OpenSSL makes the state again on
 * the next use. A joined std::thread needs none: pthread_join() returns after the key destructors.
 */
void releaseOpenSslThreadState();

} // namespace d4::protocol

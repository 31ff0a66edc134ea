// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "protocol/opensslthread.h"

#include <openssl/crypto.h>

namespace d4::protocol {

void releaseOpenSslThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace d4::protocol

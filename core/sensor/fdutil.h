// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::sensor {

/**
 * When @p fd is a pipe, asks Linux to grow it to 1 MiB (the default unprivileged maximum).
 * A 64 KiB pipe costs a context switch every 16 packets; failures are harmless and ignored.
 */
void enlargePipe(int fd) noexcept;

} // namespace d4::sensor

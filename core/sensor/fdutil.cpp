// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "sensor/fdutil.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace d4::sensor {

void enlargePipe(int fd) noexcept
{
#ifdef F_SETPIPE_SZ
    struct stat info
    {
    };
    if (::fstat(fd, &info) == 0 && S_ISFIFO(info.st_mode)) {
        constexpr int kPipeBytes = 1 << 20;
        ::fcntl(fd, F_SETPIPE_SZ, kPipeBytes);
    }
#else
    static_cast<void>(fd);
#endif
}

} // namespace d4::sensor

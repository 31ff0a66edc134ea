// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::sensor {

/** A failure that ends a sensor run; Kind tells the front-end which exit code to use. */
struct SensorError
{
    enum class Kind
    {
        Usage,        ///< the options do not allow a run (e.g. no way to verify the server)
        Source,       ///< reading the data source failed
        Output,       ///< writing stdout failed
        Connect,      ///< the server could not be reached (retries exhausted or disabled)
        Verification, ///< the server's certificate was not accepted
        Internal,     ///< anything else (OpenSSL set-up failure...)
    };

    Kind kind = Kind::Internal;
    QString message;
};

} // namespace d4::sensor

// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::sensor {

/** Why a sensor configuration directory was rejected. */
struct ConfigError
{
    enum class Code
    {
        NoDirectory,  ///< the directory itself is missing or not a directory
        MissingFile,  ///< a required file does not exist
        Unreadable,   ///< a file exists but cannot be read
        TooLarge,     ///< a file is above its size limit
        InvalidValue, ///< a file's content is not acceptable
        Unsupported,  ///< a value other D4 clients know that d4-sensor does not implement
        WriteFailed,  ///< the generated uuid could not be written back
    };

    Code code = Code::InvalidValue;
    /** The configuration file concerned ("snaplen", "metaheader.json"...), empty for the directory. */
    QString file;
    /** One English sentence for the user; it names the file (with its path) and what is wrong. */
    QString message;
};

} // namespace d4::sensor

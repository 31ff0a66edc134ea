// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QString>

namespace d4::management {

/** The outcome of one management action: shown in the status bar or a message box. */
struct ActionResult
{
    bool ok = false;
    QString message; ///< what happened, or why not

    static ActionResult success(QString text = {}) { return {true, std::move(text)}; }
    static ActionResult failure(QString text) { return {false, std::move(text)}; }
};

} // namespace d4::management

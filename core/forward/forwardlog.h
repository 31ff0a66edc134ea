// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QLoggingCategory>

/** Messages of the forwarding rules (category "d4.forward"). */
Q_DECLARE_LOGGING_CATEGORY(lcForward)

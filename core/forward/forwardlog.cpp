// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardlog.h"

Q_LOGGING_CATEGORY(lcForward, "d4.forward", QtInfoMsg)

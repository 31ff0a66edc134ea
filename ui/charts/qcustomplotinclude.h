// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

// qcustomplot.h (Debian's libqcustomplot-dev) uses the `signals` and `foreach` keywords, which this
// project disables with QT_NO_KEYWORDS; map them to their macro forms for this one header.
#ifndef signals
#define signals Q_SIGNALS
#define D4_QCUSTOMPLOT_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define D4_QCUSTOMPLOT_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef D4_QCUSTOMPLOT_UNDEF_SIGNALS
#undef signals
#undef D4_QCUSTOMPLOT_UNDEF_SIGNALS
#endif
#ifdef D4_QCUSTOMPLOT_UNDEF_FOREACH
#undef foreach
#undef D4_QCUSTOMPLOT_UNDEF_FOREACH
#endif

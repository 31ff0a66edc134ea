// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QColor>
#include <QString>

namespace d4::ui {

/** Switches the application to the Fusion style with a light or dark palette. */
void applyPalette(bool dark);
/** True when the application palette is the dark one. */
bool isDarkPalette();
/** The colour of error messages in dialogs, readable (at least 4.5:1) on the current palette. */
QColor errorTextColor();
/** A style sheet that paints a label's text in errorTextColor(). */
QString errorTextStyle();

} // namespace d4::ui

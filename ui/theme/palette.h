// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

namespace d4::ui {

/** Switches the application to the Fusion style with a light or dark palette. */
void applyPalette(bool dark);
/** True when the application palette is the dark one. */
bool isDarkPalette();

} // namespace d4::ui

// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <memory>

#include <QByteArrayView>

#include "forward/filterdecision.h"
#include "forward/forwardrule.h"

namespace d4::forward {

/**
 * Applies a rule's LineFilterSettings to one line (without '\n'). Without passiveDns only
 * sampling applies. With it: unparsable lines are left out (Unparsable); then keep/drop zones
 * (case-insensitive, a zone matches itself and its subdomains, trailing dots ignored), dropped
 * rrtypes, sampling, and finally the client fields are emptied or pseudonymised in place, keeping
 * the layout (text) or the key (JSON). Thread-safe (const); the console's dry-run preview uses the
 * same object, so what it shows is what is sent.
 */
class LineFilter final
{
public:
    explicit LineFilter(LineFilterSettings settings);
    FilterDecision apply(QByteArrayView line) const;
    const LineFilterSettings &settings() const noexcept { return m_settings; }

private:
    struct Private; ///< the settings prepared for the hot path (zone sets, sampling threshold, HMAC)
    LineFilterSettings m_settings;
    std::shared_ptr<const Private> d;
};

} // namespace d4::forward

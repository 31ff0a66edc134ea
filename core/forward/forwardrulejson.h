// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <optional>

#include <QJsonObject>

#include "forward/forwardrule.h"

namespace d4::forward {

/**
 * A rule as JSON, published in Redis so an attached console can show it and preview its filters.
 * Secrets (partnerKey, pseudonymKey, CA PEM) are never written; fromJson() leaves them empty
 * (a preview of a pseudonymising rule then uses a per-preview random key, said so in the UI).
 */
class ForwardRuleJson final
{
public:
    static QJsonObject toJson(const ForwardRule &rule);
    static std::optional<ForwardRule> fromJson(const QJsonObject &object);
};

} // namespace d4::forward

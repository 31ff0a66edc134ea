// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "forward/forwardkeys.h"

namespace d4::forward::keys {

QByteArray rules()
{
    return QByteArrayLiteral("d4console:forward:rules");
}

QByteArray rule(QByteArrayView name)
{
    return QByteArrayLiteral("d4console:forward:rule:") + name.toByteArray();
}

QByteArray stats(QByteArrayView name)
{
    return QByteArrayLiteral("d4console:forward:stats:") + name.toByteArray();
}

QByteArray control(QByteArrayView name)
{
    return QByteArrayLiteral("d4console:forward:control:") + name.toByteArray();
}

} // namespace d4::forward::keys

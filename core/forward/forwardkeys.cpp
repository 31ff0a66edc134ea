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
    QByteArray key("d4console:forward:rule:");
    return key.append(name);
}

QByteArray stats(QByteArrayView name)
{
    QByteArray key("d4console:forward:stats:");
    return key.append(name);
}

QByteArray control(QByteArrayView name)
{
    QByteArray key("d4console:forward:control:");
    return key.append(name);
}

} // namespace d4::forward::keys

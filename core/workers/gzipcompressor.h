// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace d4::workers {

/**
 * Gzips finished files the way d4-core's workers do (spec §4.2): `<file>.gz`, or `<file>.1.gz`,
 * `<file>.2.gz`… when that name is taken, then removes the original. Stateless; any thread.
 */
class GzipCompressor final
{
public:
    /** The first of `<path>.gz`, `<path>.1.gz`, `<path>.2.gz`… that does not exist. */
    static QString targetName(const QString &path);
    /**
     * The hidden name `<dir>/.<name>.gz.partial` a compression writes to before it renames the
     * whole file to @p target. One left behind was cut short by a crash; its original still exists.
     */
    static QString partialName(const QString &target);
    static QString partialSuffix();
    /**
     * Compresses @p path and deletes it. The `.gz` appears under its name only when complete. Returns the
     * path of the `.gz`, or an empty string with
     * @p error set (the original is then kept and no partial `.gz` is left behind).
     */
    static QString compress(const QString &path, QString &error);
    /** @p data as one gzip member (RFC 1952) at zlib @p level; empty only when zlib fails. */
    static QByteArray gzip(QByteArrayView data, int level = 6);
};

} // namespace d4::workers

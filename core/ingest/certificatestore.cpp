// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "ingest/certificatestore.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace d4::ingest {

namespace {

template <typename T, void (*Free)(T *)> struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

bool writePrivate(const QString &path, const QByteArray &contents, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(contents);
    if (!file.commit()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

QString ServerIdentity::fingerprint() const
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

bool CertificateStore::generate(const QString &certificatePath, const QString &keyPath, QString &error)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr certificate(X509_new());
    if (!key || !certificate) {
        error = QStringLiteral("OpenSSL could not create a P-256 key");
        return false;
    }
    X509_set_version(certificate.get(), 2);
    std::uint64_t serial = 0;
    RAND_bytes(reinterpret_cast<unsigned char *>(&serial), sizeof(serial));
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate.get()), serial >> 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 825L * 24 * 3600);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("D4 Console"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("localhost"),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (!addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1") ||
        !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")) {
        error = QStringLiteral("OpenSSL could not add certificate extensions");
        return false;
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) {
        error = QStringLiteral("OpenSSL could not sign the certificate");
        return false;
    }
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_X509(certBio.get(), certificate.get()) != 1) {
        error = QStringLiteral("OpenSSL could not encode the certificate");
        return false;
    }
    return writePrivate(keyPath, bioContents(keyBio.get()), error) &&
           writePrivate(certificatePath, bioContents(certBio.get()), error);
}

std::optional<ServerIdentity> CertificateStore::loadOrCreate(const QString &certificatePath,
                                                             const QString &keyPath, const QString &directory,
                                                             QString &error)
{
    ServerIdentity identity;
    QString certPath = certificatePath;
    QString privatePath = keyPath.isEmpty() ? certificatePath : keyPath;
    if (certPath.isEmpty()) {
        if (!QDir().mkpath(directory)) {
            error = QStringLiteral("cannot create %1").arg(directory);
            return std::nullopt;
        }
        QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        certPath = QDir(directory).filePath(QStringLiteral("server.crt"));
        privatePath = QDir(directory).filePath(QStringLiteral("server.key"));
        if (!QFile::exists(certPath) || !QFile::exists(privatePath)) {
            if (!generate(certPath, privatePath, error)) {
                return std::nullopt;
            }
            identity.generated = true;
        }
    }
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        error =
            QStringLiteral("cannot read the TLS certificate %1: %2").arg(certPath, certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return std::nullopt;
    }
    QFile keyFile(privatePath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        error =
            QStringLiteral("cannot read the TLS private key %1: %2").arg(privatePath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyPem = keyFile.readAll();
    // QSslKey needs the algorithm: try EC first (our default), then RSA (d4-core's RSA-4096).
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            identity.privateKey = key;
            break;
        }
    }
    if (identity.privateKey.isNull()) {
        error = QStringLiteral("%1 holds no usable EC or RSA private key").arg(privatePath);
        return std::nullopt;
    }
    identity.certificate = chain.first();
    identity.certificatePath = certPath;
    return identity;
}

} // namespace d4::ingest

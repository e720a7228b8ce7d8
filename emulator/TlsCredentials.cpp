#include "emulator/TlsCredentials.h"

#include <QFile>
#include <QList>

using namespace Qt::StringLiterals;

namespace arr::emulator {

namespace {

// Read no further than this from a --tls-cert or --tls-key file.
constexpr qint64 MaximumTlsFileSize = 1024 * 1024;

} // namespace

TlsCredentials readTlsCredentials(const QString &certificateFile, const QString &keyFile)
{
    TlsCredentials result;
    const auto read = [&result](const QString &option, const QString &name, QByteArray *contents) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = u"%1 \"%2\" cannot be read: %3."_s.arg(option, name, file.errorString());
            return false;
        }
        // A certificate or key is a few KiB; a bigger file (or a device such as /dev/zero, which never
        // ends) is not one, and is not read further.
        *contents = file.read(MaximumTlsFileSize + 1);
        if (contents->size() > MaximumTlsFileSize) {
            result.error = u"%1 \"%2\" is larger than %3 KiB, too large for a certificate or key file."_s.arg(
                option, name, QString::number(MaximumTlsFileSize / 1024));
            return false;
        }
        return true;
    };

    QByteArray certificateData;
    if (!read(u"--tls-cert"_s, certificateFile, &certificateData))
        return result;
    QList<QSslCertificate> chain = QSslCertificate::fromData(certificateData, QSsl::Pem);
    if (chain.isEmpty())
        chain = QSslCertificate::fromData(certificateData, QSsl::Der);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        result.error = u"--tls-cert \"%1\" holds no certificate (PEM or DER)."_s.arg(certificateFile);
        return result;
    }
    result.certificate = chain.constFirst();

    QByteArray keyData;
    if (!read(u"--tls-key"_s, keyFile, &keyData))
        return result;
    // The file does not say its algorithm in a way QSslKey reads, so each is tried in turn.
    for (const QSsl::EncodingFormat format : {QSsl::Pem, QSsl::Der}) {
        for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            const QSslKey key(keyData, algorithm, format, QSsl::PrivateKey);
            if (!key.isNull()) {
                result.privateKey = key;
                return result;
            }
        }
    }
    result.error = u"--tls-key \"%1\" holds no unencrypted private key (RSA, EC or DSA; PEM or DER)."_s.arg(keyFile);
    return result;
}

} // namespace arr::emulator

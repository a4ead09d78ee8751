#include "sha256.h"

#include <QFile>

#include <openssl/evp.h>

#include <vector>

namespace bs {

struct Sha256::Ctx {
    EVP_MD_CTX* md = nullptr;
    bool ok = false;
};

Sha256::Sha256()
    : d(std::make_unique<Ctx>()) {
    d->md = EVP_MD_CTX_new();
    d->ok = d->md && EVP_DigestInit_ex(d->md, EVP_sha256(), nullptr) == 1;
}

Sha256::~Sha256() {
    if (d->md)
        EVP_MD_CTX_free(d->md);
}

void Sha256::add(const char* data, qsizetype size) {
    if (d->ok && size > 0)
        d->ok = EVP_DigestUpdate(d->md, data, size_t(size)) == 1;
}

QString Sha256::hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!d->ok || EVP_DigestFinal_ex(d->md, out, &n) != 1)
        return {};
    d->ok = false;
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char*>(out), qsizetype(n)).toHex());
}

QString Sha256::ofFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    Sha256 h;
    std::vector<char> buf(size_t(4) << 20);
    for (;;) {
        const qint64 n = f.read(buf.data(), qint64(buf.size()));
        if (n < 0)
            return {};
        if (n == 0)
            break;
        h.add(buf.data(), n);
    }
    return h.hex();
}

} // namespace bs

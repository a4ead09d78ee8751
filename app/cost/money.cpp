#include "money.h"

namespace bs {

QString formatMoney(Money micros, int digits) {
    digits = qBound(0, digits, 6);
    const bool negative = micros < 0;
    // Work on the magnitude as unsigned so that the smallest qint64 does not overflow.
    quint64 magnitude = negative ? quint64(0) - quint64(micros) : quint64(micros);
    quint64 scale = 1;
    for (int i = digits; i < 6; ++i)
        scale *= 10;
    magnitude = (magnitude + scale / 2) / scale; // half up, display only
    quint64 unit = 1;
    for (int i = 0; i < digits; ++i)
        unit *= 10;
    const quint64 whole = magnitude / unit;
    const quint64 fraction = magnitude % unit;
    QString text = negative ? QStringLiteral("-$") : QStringLiteral("$");
    text += QString::number(whole);
    if (digits > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, digits, 10, QLatin1Char('0'));
    return text;
}

} // namespace bs

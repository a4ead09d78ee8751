#include "pricebook.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cmath>

namespace bs {

namespace {

// Collects the first error with the file and the JSON path of the field.
class Reader {
public:
    explicit Reader(QString source)
        : m_source(std::move(source)) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString& field, const QString& what) {
        if (m_error.isEmpty())
            m_error =
                QCoreApplication::translate("bs::PriceBook", "Pricing file %1: field \"%2\": %3")
                    .arg(m_source, field, what);
    }

    std::optional<qint64> price(const QJsonObject& o, const QString& path, const char* name,
                                bool required) {
        const QString field = path + QLatin1Char('.') + QLatin1String(name);
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field,
                     QCoreApplication::translate(
                         "bs::PriceBook", "missing; expected a price in USD per million tokens"));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(field, QCoreApplication::translate("bs::PriceBook",
                                                    "expected a number (USD per million tokens)"));
            return std::nullopt;
        }
        const auto micros = PriceBook::microsFromUsd(v.toDouble());
        if (!micros) {
            fail(field, QCoreApplication::translate(
                            "bs::PriceBook", "expected a non-negative number below 1,000,000"));
            return std::nullopt;
        }
        return micros;
    }

    std::optional<qint64> multiplierPpm(const QJsonValue& v, const QString& field, bool required) {
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QCoreApplication::translate("bs::PriceBook", "missing"));
            return std::nullopt;
        }
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1000) {
            fail(field,
                 QCoreApplication::translate("bs::PriceBook", "expected a non-negative number"));
            return std::nullopt;
        }
        return std::llround(v.toDouble() * 1e6);
    }

    QDate date(const QJsonValue& v, const QString& field, bool required) {
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QCoreApplication::translate("bs::PriceBook",
                                                        "missing; expected a date YYYY-MM-DD"));
            return {};
        }
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        if (!d.isValid())
            fail(field, QCoreApplication::translate("bs::PriceBook", "expected a date YYYY-MM-DD"));
        return d;
    }

    TokenPrices prices(const QJsonObject& o, const QString& path) {
        TokenPrices p;
        p.input = price(o, path, "input", true).value_or(0);
        p.cacheWrite5m = price(o, path, "cache_write_5m", true).value_or(0);
        p.cacheWrite1h = price(o, path, "cache_write_1h", true).value_or(0);
        p.cacheRead = price(o, path, "cache_read", true).value_or(0);
        p.output = price(o, path, "output", true).value_or(0);
        return p;
    }

private:
    QString m_source;
    QString m_error;
};

std::optional<ModelPricing> readModel(Reader& r, const QJsonValue& value, const QString& path,
                                      bool historical) {
    if (!value.isObject()) {
        r.fail(path, QCoreApplication::translate("bs::PriceBook", "expected an object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    ModelPricing m;
    m.historical = historical;
    m.modelId = o.value(QLatin1String("model_id")).toString();
    if (m.modelId.isEmpty()) {
        r.fail(path + QStringLiteral(".model_id"),
               QCoreApplication::translate("bs::PriceBook", "missing; expected the model id"));
        return std::nullopt;
    }
    const QJsonValue aliases = o.value(QLatin1String("aliases"));
    if (!aliases.isUndefined() && !aliases.isArray()) {
        r.fail(path + QStringLiteral(".aliases"),
               QCoreApplication::translate("bs::PriceBook", "expected a list of strings"));
        return std::nullopt;
    }
    for (const QJsonValue& a : aliases.toArray()) {
        if (!a.isString() || a.toString().isEmpty()) {
            r.fail(path + QStringLiteral(".aliases"),
                   QCoreApplication::translate("bs::PriceBook", "expected a list of strings"));
            return std::nullopt;
        }
        m.aliases.append(a.toString());
    }
    m.displayName = o.value(QLatin1String("display_name")).toString(m.modelId);
    m.status = o.value(QLatin1String("status")).toString();
    const QJsonValue geo = o.value(QLatin1String("geo_multiplier_eligible"));
    if (!geo.isBool()) {
        r.fail(path + QStringLiteral(".geo_multiplier_eligible"),
               QCoreApplication::translate(
                   "bs::PriceBook",
                   "missing; expected true or false (whether inference_geo \"us\" costs more)"));
        return std::nullopt;
    }
    m.geoMultiplierEligible = geo.toBool();
    m.base = r.prices(o, path);
    // Optional limits (intake checks max_tokens and the prompt size against them).
    for (const auto& [key, target] :
         {std::pair{"context_window", &m.contextWindow}, std::pair{"max_output", &m.maxOutput},
          std::pair{"batch_max_output", &m.batchMaxOutput}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble() || v.toInteger(-1) <= 0) {
            r.fail(path + QLatin1Char('.') + QLatin1String(key),
                   QCoreApplication::translate("bs::PriceBook",
                                               "expected a positive whole number of tokens"));
            return std::nullopt;
        }
        *target = v.toInteger();
    }

    const QJsonValue tier = o.value(QLatin1String("long_prompt_tier"));
    if (!tier.isUndefined() && !tier.isNull()) {
        const QString tpath = path + QStringLiteral(".long_prompt_tier");
        if (!tier.isObject()) {
            r.fail(tpath, QCoreApplication::translate("bs::PriceBook", "expected an object"));
            return std::nullopt;
        }
        const QJsonObject t = tier.toObject();
        LongPromptTier lt;
        const QJsonValue threshold = t.value(QLatin1String("threshold_prompt_tokens"));
        if (!threshold.isDouble() || threshold.toInteger(-1) <= 0) {
            r.fail(tpath + QStringLiteral(".threshold_prompt_tokens"),
                   QCoreApplication::translate("bs::PriceBook",
                                               "expected a positive whole number of tokens"));
            return std::nullopt;
        }
        lt.thresholdPromptTokens = threshold.toInteger();
        lt.prices = r.prices(t, tpath);
        m.longPromptTier = lt;
    }

    const QJsonValue history = o.value(QLatin1String("price_history"));
    if (!history.isUndefined() && !history.isNull()) {
        const QString hpath = path + QStringLiteral(".price_history");
        if (!history.isArray()) {
            r.fail(hpath, QCoreApplication::translate("bs::PriceBook", "expected a list"));
            return std::nullopt;
        }
        const QJsonArray list = history.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString epath = hpath + QStringLiteral("[%1]").arg(i);
            if (!list.at(i).isObject()) {
                r.fail(epath, QCoreApplication::translate("bs::PriceBook", "expected an object"));
                return std::nullopt;
            }
            const QJsonObject e = list.at(i).toObject();
            PriceChange c;
            c.from = r.date(e.value(QLatin1String("effective_from")),
                            epath + QStringLiteral(".effective_from"), true);
            c.until = r.date(e.value(QLatin1String("effective_until")),
                             epath + QStringLiteral(".effective_until"), false);
            c.input = r.price(e, epath, "input", false);
            c.cacheWrite5m = r.price(e, epath, "cache_write_5m", false);
            c.cacheWrite1h = r.price(e, epath, "cache_write_1h", false);
            c.cacheRead = r.price(e, epath, "cache_read", false);
            c.output = r.price(e, epath, "output", false);
            if (!r.failed() && c.until.isValid() && c.until <= c.from)
                r.fail(epath + QStringLiteral(".effective_until"),
                       QCoreApplication::translate("bs::PriceBook",
                                                   "must be later than effective_from"));
            m.priceHistory.append(c);
        }
    }
    if (r.failed())
        return std::nullopt;
    return m;
}

} // namespace

TokenPrices ModelPricing::pricesOn(QDate day) const {
    TokenPrices p = base;
    if (!day.isValid())
        return p;
    for (const PriceChange& c : priceHistory) {
        if (day < c.from || (c.until.isValid() && day >= c.until))
            continue;
        p.input = c.input.value_or(p.input);
        p.cacheWrite5m = c.cacheWrite5m.value_or(p.cacheWrite5m);
        p.cacheWrite1h = c.cacheWrite1h.value_or(p.cacheWrite1h);
        p.cacheRead = c.cacheRead.value_or(p.cacheRead);
        p.output = c.output.value_or(p.output);
    }
    return p;
}

std::optional<qint64> PriceBook::microsFromUsd(double usd) {
    if (!std::isfinite(usd) || usd < 0 || usd >= 1e6)
        return std::nullopt;
    return std::llround(usd * 1e6);
}

QString PriceBook::builtInPath() {
    return QStringLiteral(":/data/pricing.json");
}

QString PriceBook::userOverridePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/pricing.json");
}

std::optional<PriceBook> PriceBook::fromFile(const QString& path, QString* error, Require require) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QCoreApplication::translate("bs::PriceBook", "Pricing file %1 cannot be read: %2")
                    .arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error, require);
}

std::optional<PriceBook> PriceBook::fromJson(const QByteArray& json, const QString& source,
                                             QString* error, Require require) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate(
                         "bs::PriceBook", "Pricing file %1 is not valid JSON (at byte %2: %3).")
                         .arg(source)
                         .arg(parseError.offset)
                         .arg(parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QCoreApplication::translate("bs::PriceBook",
                                                                "the top level must be an object"));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Reader r(source);
    PriceBook book;
    book.m_source = source;
    book.m_asOf = root.value(QLatin1String("as_of")).toString();
    const bool complete = require == Require::Complete;

    const QJsonValue version = root.value(QLatin1String("format_version"));
    if (!version.isUndefined() && version.toInteger(-1) != 1)
        r.fail(QStringLiteral("format_version"),
               QCoreApplication::translate("bs::PriceBook",
                                           "unsupported version (this program reads 1)"));

    book.m_batchPpm = r.multiplierPpm(
        root.value(QLatin1String("batch_discount")).toObject().value(QLatin1String("multiplier")),
        QStringLiteral("batch_discount.multiplier"), complete);
    book.m_geoUsPpm =
        r.multiplierPpm(root.value(QLatin1String("data_residency"))
                            .toObject()
                            .value(QLatin1String("inference_geo_us_multiplier")),
                        QStringLiteral("data_residency.inference_geo_us_multiplier"), complete);
    const QJsonValue search = root.value(QLatin1String("server_tools"))
                                  .toObject()
                                  .value(QLatin1String("web_search"))
                                  .toObject()
                                  .value(QLatin1String("usd_per_1000_searches"));
    if (search.isUndefined() || search.isNull()) {
        if (complete)
            r.fail(QStringLiteral("server_tools.web_search.usd_per_1000_searches"),
                   QCoreApplication::translate("bs::PriceBook", "missing"));
    } else if (const auto micros =
                   search.isDouble() ? microsFromUsd(search.toDouble()) : std::nullopt) {
        book.m_webSearchPer1000 = micros;
    } else {
        r.fail(QStringLiteral("server_tools.web_search.usd_per_1000_searches"),
               QCoreApplication::translate(
                   "bs::PriceBook", "expected a non-negative number (USD per 1,000 searches)"));
    }

    for (const char* listName : {"models", "historical_models"}) {
        const QString name = QLatin1String(listName);
        const QJsonValue list = root.value(name);
        if (list.isUndefined() && name == QLatin1String("historical_models"))
            continue;
        if (!list.isArray()) {
            r.fail(name, QCoreApplication::translate("bs::PriceBook",
                                                     "missing; expected a list of models"));
            break;
        }
        const QJsonArray models = list.toArray();
        for (qsizetype i = 0; i < models.size() && !r.failed(); ++i) {
            const QString path = name + QStringLiteral("[%1]").arg(i);
            auto model =
                readModel(r, models.at(i), path, name == QLatin1String("historical_models"));
            if (!model)
                break;
            for (const ModelPricing& other : std::as_const(book.m_models)) {
                if (other.modelId == model->modelId)
                    r.fail(path + QStringLiteral(".model_id"),
                           QCoreApplication::translate("bs::PriceBook", "\"%1\" is listed twice")
                               .arg(model->modelId));
            }
            book.m_models.append(*model);
        }
    }
    if (!r.failed() && book.m_models.isEmpty() && complete)
        r.fail(QStringLiteral("models"),
               QCoreApplication::translate("bs::PriceBook", "lists no model"));
    if (r.failed()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    book.reindex();
    return book;
}

PriceBook PriceBook::builtIn() {
    // Parsed once per process (thread-safe static); copies share the model list.
    static const PriceBook book = [] {
        QString error;
        auto parsed = fromFile(builtInPath(), &error);
        if (!parsed) {
            qWarning("%s", qPrintable(error));
            return PriceBook();
        }
        return *parsed;
    }();
    return book;
}

PriceBook PriceBook::load(QString* error) {
    return load(userOverridePath(), error);
}

PriceBook PriceBook::load(const QString& overridePath, QString* error) {
    PriceBook book = builtIn();
    if (overridePath.isEmpty() || !QFileInfo::exists(overridePath))
        return book;
    QString message;
    const auto overlay = fromFile(overridePath, &message, Require::ModelsOnly);
    if (!overlay) {
        if (error)
            *error =
                message +
                (message.endsWith(QLatin1Char('.')) ? QStringLiteral(" ") : QStringLiteral(". ")) +
                QCoreApplication::translate(
                    "bs::PriceBook",
                    "The built-in prices are used until the file is fixed or removed.");
        return book;
    }
    return book.mergedWith(*overlay);
}

PriceBook PriceBook::mergedWith(const PriceBook& overlay) const {
    PriceBook merged = *this;
    merged.m_source = m_source + QLatin1Char(';') + overlay.m_source;
    if (!overlay.m_asOf.isEmpty())
        merged.m_asOf = overlay.m_asOf;
    if (overlay.m_batchPpm)
        merged.m_batchPpm = overlay.m_batchPpm;
    if (overlay.m_geoUsPpm)
        merged.m_geoUsPpm = overlay.m_geoUsPpm;
    if (overlay.m_webSearchPer1000)
        merged.m_webSearchPer1000 = overlay.m_webSearchPer1000;
    for (const ModelPricing& m : overlay.m_models) {
        bool replaced = false;
        for (ModelPricing& existing : merged.m_models) {
            if (existing.modelId == m.modelId) {
                existing = m;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            merged.m_models.append(m);
    }
    merged.reindex();
    return merged;
}

void PriceBook::reindex() {
    m_index.clear();
    // Aliases first, so that a model id always wins over another model's alias.
    for (qsizetype i = 0; i < m_models.size(); ++i)
        for (const QString& alias : m_models.at(i).aliases)
            m_index.insert(alias, i);
    for (qsizetype i = 0; i < m_models.size(); ++i)
        m_index.insert(m_models.at(i).modelId, i);
}

QString PriceBook::resolve(const QString& model) const {
    const ModelPricing* m = find(model);
    return m ? m->modelId : QString();
}

const ModelPricing* PriceBook::find(const QString& model) const {
    auto it = m_index.constFind(model);
    if (it == m_index.constEnd()) {
        // A dated snapshot id of a known undated id: "<id>-YYYYMMDD".
        static const QRegularExpression dated(QStringLiteral("^(.+)-(\\d{8})$"));
        const QRegularExpressionMatch match = dated.match(model);
        if (!match.hasMatch() ||
            !QDate::fromString(match.captured(2), QStringLiteral("yyyyMMdd")).isValid())
            return nullptr;
        it = m_index.constFind(match.captured(1));
        if (it == m_index.constEnd())
            return nullptr;
    }
    return &m_models.at(*it);
}

QStringList PriceBook::modelIds() const {
    QStringList ids;
    ids.reserve(m_models.size());
    for (const ModelPricing& m : m_models)
        ids.append(m.modelId);
    return ids;
}

} // namespace bs

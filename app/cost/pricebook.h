#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace bs {

// Prices of the five token classes of one model, in micro-dollars per million tokens
// (equivalently: pico-dollars per token). $0.125/MTok == 125'000.
struct TokenPrices {
    qint64 input = 0;
    qint64 cacheWrite5m = 0;
    qint64 cacheWrite1h = 0;
    qint64 cacheRead = 0;
    qint64 output = 0;

    friend bool operator==(const TokenPrices&, const TokenPrices&) = default;
};

// A dated change of some of a model's prices: applies from `from` (inclusive) to `until`
// (exclusive; null = open-ended). Fields that the change does not name keep the base price.
struct PriceChange {
    QDate from;
    QDate until;
    std::optional<qint64> input, cacheWrite5m, cacheWrite1h, cacheRead, output;
};

// Haiku 5.5: a request whose prompt exceeds `thresholdPromptTokens` pays `prices` for every
// token class, output included.
struct LongPromptTier {
    qint64 thresholdPromptTokens = 0;
    TokenPrices prices;
};

struct ModelPricing {
    QString modelId; // canonical id as the API reports it
    QStringList aliases;
    QString displayName;
    QString status;
    bool historical = false;            // from "historical_models"
    bool geoMultiplierEligible = false; // inference_geo "us" multiplier applies (4.6+)
    TokenPrices base;
    std::optional<LongPromptTier> longPromptTier;
    QList<PriceChange> priceHistory;
    // Limits from the same file (0 = not given): the context window in tokens, the largest
    // max_tokens, and the largest max_tokens inside a batch with the extended-output beta.
    qint64 contextWindow = 0;
    qint64 maxOutput = 0;
    qint64 batchMaxOutput = 0;

    // Base prices with the price change effective on `day` applied (null day: base prices).
    TokenPrices pricesOn(QDate day) const;
};

// The price table. Loaded from the built-in resource :/data/pricing.json (format of
// resources/pricing.json), optionally merged with a user file of the same shape: the user
// file's models replace built-in ones with the same model_id (or add new ones), and its
// top-level multipliers replace the built-in ones. A malformed user file is rejected as a
// whole and the built-in book is kept; the error names the file and the field.
class PriceBook {
public:
    PriceBook() = default;

    static QString builtInPath();      // ":/data/pricing.json"
    static QString userOverridePath(); // <AppConfigLocation>/pricing.json

    // The built-in book. Never fails in a correct build (the resource is tested).
    static PriceBook builtIn();
    // Built-in book plus the user override file if it exists. On a bad override file the
    // built-in book is returned and *error says what is wrong (file and field).
    static PriceBook load(QString* error = nullptr);
    static PriceBook load(const QString& overridePath, QString* error);

    // Parse one pricing document; `source` names it in error messages. A complete book
    // (the built-in one) must also carry the three multipliers; an override file may omit them.
    enum class Require { Complete, ModelsOnly };
    static std::optional<PriceBook> fromJson(const QByteArray& json, const QString& source,
                                             QString* error, Require require = Require::Complete);
    static std::optional<PriceBook> fromFile(const QString& path, QString* error,
                                             Require require = Require::Complete);

    // This book with `overlay`'s models and multipliers laid over it.
    PriceBook mergedWith(const PriceBook& overlay) const;

    bool isEmpty() const { return m_models.isEmpty(); }
    QString source() const { return m_source; } // files it was built from, ";"-joined
    QString asOf() const { return m_asOf; }

    // Canonical model id for an id, an alias, or a dated id whose undated form is known
    // ("claude-opus-4-8-20260528" -> "claude-opus-4-8"). Empty when unknown.
    QString resolve(const QString& model) const;
    const ModelPricing* find(const QString& model) const; // resolves first; nullptr if unknown
    QStringList modelIds() const;                         // canonical ids, in file order

    // Multipliers in parts per million (0.5 -> 500'000; 1.1 -> 1'100'000).
    qint64 batchMultiplierPpm() const { return m_batchPpm.value_or(0); }
    qint64 geoUsMultiplierPpm() const { return m_geoUsPpm.value_or(0); }
    // Web search fee in micro-dollars per 1,000 searches ($10 -> 10'000'000).
    qint64 webSearchMicrosPer1000() const { return m_webSearchPer1000.value_or(0); }

    // "12.5" (USD/MTok) -> 12'500'000; rounds to the nearest micro-dollar per MTok.
    static std::optional<qint64> microsFromUsd(double usd);

private:
    QString m_source;
    QString m_asOf;
    std::optional<qint64> m_batchPpm;
    std::optional<qint64> m_geoUsPpm;
    std::optional<qint64> m_webSearchPer1000;
    QList<ModelPricing> m_models;
    QHash<QString, qsizetype> m_index; // id or alias -> index in m_models
    void reindex();
};

} // namespace bs

#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bs::sim {

// The models the simulator knows (from reference/pricing.md): context window, output limits,
// whether they are retired, and which tokenizer family their token estimate uses.
class ModelCatalog {
public:
    struct Model {
        std::string id;    // canonical id, reported in results
        std::string alias; // optional alias that resolves to id
        int contextWindow;
        int maxOutput;
        bool batch300k; // max_tokens up to 300,000 with the output-300k beta
        bool retired;
        bool newTokenizer; // Claude 4.7+: about 30 % more tokens for the same text
        int minCacheable;  // smallest cacheable prompt prefix, tokens
    };

    static const ModelCatalog& instance();
    // Index into models(), or -1 when unknown.
    int find(std::string_view idOrAlias) const;
    const Model& at(int index) const { return m_models[size_t(index)]; }
    const std::vector<Model>& models() const { return m_models; }

private:
    ModelCatalog();
    std::vector<Model> m_models;
};

} // namespace bs::sim

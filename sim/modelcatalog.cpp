#include "modelcatalog.h"

namespace bs::sim {

const ModelCatalog& ModelCatalog::instance() {
    static const ModelCatalog catalog;
    return catalog;
}

ModelCatalog::ModelCatalog() {
    constexpr int M = 1000000, K200 = 200000;
    // id, alias, context, max out, 300k beta, retired, new tokenizer, min cacheable
    m_models = {
        {"claude-fable-5-2", "", M, 128000, false, false, true, 512},
        {"claude-mythos-5-2", "", M, 128000, false, false, true, 512},
        {"claude-fable-5-1", "", M, 128000, false, false, true, 512},
        {"claude-mythos-5-1", "", M, 128000, false, false, true, 512},
        {"claude-fable-5", "", M, 128000, false, false, true, 512},
        {"claude-mythos-5", "", M, 128000, false, false, true, 512},
        {"claude-opus-5-5", "", M, 128000, true, false, true, 512},
        {"claude-opus-5", "", M, 128000, true, false, true, 512},
        {"claude-opus-4-8", "", M, 128000, true, false, true, 1024},
        {"claude-opus-4-7", "", M, 128000, true, false, true, 2048},
        {"claude-opus-4-6", "", M, 128000, true, false, false, 4096},
        {"claude-opus-4-5-20251101", "claude-opus-4-5", K200, 64000, false, false, false, 4096},
        {"claude-opus-4-1-20250805", "claude-opus-4-1", K200, 32000, false, true, false, 1024},
        {"claude-opus-4-20250514", "claude-opus-4-0", K200, 32000, false, true, false, 1024},
        {"claude-sonnet-5-5", "", M, 128000, true, false, true, 1024},
        {"claude-sonnet-5", "", M, 128000, true, false, true, 1024},
        {"claude-sonnet-4-6", "", M, 128000, true, false, false, 1024},
        {"claude-sonnet-4-5-20250929", "claude-sonnet-4-5", K200, 64000, false, false, false, 1024},
        {"claude-sonnet-4-20250514", "claude-sonnet-4-0", K200, 64000, false, true, false, 1024},
        {"claude-haiku-5-5", "", M, 128000, true, false, true, 1024},
        {"claude-haiku-4-5-20251001", "claude-haiku-4-5", K200, 64000, false, false, false, 4096},
        {"claude-3-5-haiku-20241022", "claude-3-5-haiku-latest", K200, 8192, false, true, false,
         2048},
    };
}

int ModelCatalog::find(std::string_view idOrAlias) const {
    for (size_t i = 0; i < m_models.size(); ++i) {
        if (m_models[i].id == idOrAlias ||
            (!m_models[i].alias.empty() && m_models[i].alias == idOrAlias))
            return int(i);
    }
    return -1;
}

} // namespace bs::sim

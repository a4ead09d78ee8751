#pragma once

// The private state of JsonlScanner, shared by its two source files: jsonlscanner.cpp (reading
// and checking lines) and jsonlscannermodels.cpp (model checks and the cost estimate).
#include "intake/jsonlscanner.h"

#include <QDate>
#include <QString>

#include <simdjson.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace bs {

namespace od = simdjson::ondemand;

struct ModelPricing;

__extension__ typedef __int128 Wide; // exact cost sums, no -Wpedantic noise

struct JsonlScanner::ModelSlot {
    const ModelPricing* pricing = nullptr;
    int estimate = -1; // index into the estimates
    QString pinned;    // the dated id when the model was written as a moving alias
};

struct JsonlScanner::Impl {
    od::parser parser;
    std::vector<char> buffer;
    std::unordered_map<std::string, qint64> seen;      // custom_id -> first line
    std::unordered_map<std::string, ModelSlot> models; // model as written -> its slot
    std::unordered_map<std::string, ModelSlot>::iterator lastModel = models.end();
    std::vector<Wide> picos;    // per estimate, before the batch discount
    std::vector<Wide> outPicos; // the output part of picos
    // Per batch part: the estimates indexed as the file's (empty slots dropped at the end).
    struct Part {
        QList<ModelEstimate> estimates;
        std::vector<Wide> picos, outPicos;
    };
    std::vector<Part> parts;
    qint64 crlfLines = 0, firstCrlfLine = 0;
    QDate day;
};

} // namespace bs

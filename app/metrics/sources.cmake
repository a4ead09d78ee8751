# Metrics: the figures read from the ledger (MetricsCollector), their Prometheus and DogStatsD
# formats, a minimal /metrics HTTP server and a UDP pusher.
target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/metricfamily.h
    ${CMAKE_CURRENT_LIST_DIR}/metricscollector.h
    ${CMAKE_CURRENT_LIST_DIR}/metricscollector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/processingstats.h
    ${CMAKE_CURRENT_LIST_DIR}/processingstats.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metricsformat.h
    ${CMAKE_CURRENT_LIST_DIR}/metricsformat.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metricsserver.h
    ${CMAKE_CURRENT_LIST_DIR}/metricsserver.cpp
    ${CMAKE_CURRENT_LIST_DIR}/statsdpusher.h
    ${CMAKE_CURRENT_LIST_DIR}/statsdpusher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/consolemetrics.h
    ${CMAKE_CURRENT_LIST_DIR}/consolemetrics.cpp)

target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/reconcilerow.h
    ${CMAKE_CURRENT_LIST_DIR}/reconciler.h
    ${CMAKE_CURRENT_LIST_DIR}/reconciler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reconciliation.h
    ${CMAKE_CURRENT_LIST_DIR}/reconciliation.cpp)

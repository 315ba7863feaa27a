# One static library per trainer/ folder, linked to exactly the modules it may use
# (docs/architecture.md has the picture). trainer_module() also reads the module's
# `#include "trainer/<other>/…"` lines at configure time and stops the build when a module
# includes one it does not link: an upward (or sideways) include fails to configure, with the
# file and line named, before anything compiles.
#
#   trainer_module(NAME [DEPS module…] [LIBS target…] [SOURCES extra.cpp…])

set(TRAINER_MODULES "" CACHE INTERNAL "")

function(trainer_module name)
  cmake_parse_arguments(M "" "" "DEPS;LIBS;SOURCES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/trainer/${name}/*.cpp)
  file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/trainer/${name}/*.hpp)
  add_library(trainer_${name} STATIC ${sources} ${M_SOURCES})
  target_include_directories(trainer_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  set(links ${M_LIBS})
  foreach(dep ${M_DEPS})
    list(APPEND links trainer_${dep})
  endforeach()
  target_link_libraries(trainer_${name} PUBLIC ${links})

  # The modules this one may include: itself and its declared dependencies, transitively.
  set(allowed ${name})
  set(queue ${M_DEPS})
  while(queue)
    list(POP_FRONT queue dep)
    if(NOT dep IN_LIST allowed)
      list(APPEND allowed ${dep})
      list(APPEND queue ${TRAINER_MODULE_DEPS_${dep}})
    endif()
  endwhile()
  set(TRAINER_MODULE_DEPS_${name} ${M_DEPS} CACHE INTERNAL "")
  foreach(file ${sources} ${headers})
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"trainer/[a-z0-9_]+/")
    foreach(line ${lines})
      string(REGEX MATCH "trainer/([a-z0-9_]+)/" _ "${line}")
      if(NOT CMAKE_MATCH_1 IN_LIST allowed)
        file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${file})
        message(FATAL_ERROR "${rel}: `${line}` reaches module '${CMAKE_MATCH_1}', which trainer_${name} "
                            "does not link (it may use: ${allowed}). Move the code down a layer, or declare "
                            "the dependency in CMakeLists.txt if it is right.")
      endif()
    endforeach()
  endforeach()
  set(TRAINER_MODULES ${TRAINER_MODULES} trainer_${name} CACHE INTERNAL "")
endfunction()

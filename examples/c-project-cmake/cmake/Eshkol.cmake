# Eshkol.cmake - compiling Scheme into a C target, for projects that use
# eshkol. Copy this file into your project and include() it.
#
#   eshkol_add_scheme(TARGET FILE.scm [HEADER NAME.h] [ESHKOLC_FLAGS flag ...])
#
# compiles FILE.scm with `eshkolc --no-main` into a C file (and the header
# declaring eshkol_init and the file's define-c-export functions, NAME.h,
# default: FILE's name with .h) in the binary directory, adds the C file to
# TARGET's sources and the binary directory to its include path. eshkolc's
# depfile lists every file the Scheme reads (include, import), so editing
# any of them rebuilds. ESHKOLC (a cache variable) names the compiler.
set(ESHKOLC eshkolc CACHE FILEPATH "the eshkolc that compiles Scheme")

function(eshkol_add_scheme target file)
  cmake_parse_arguments(ARG "" "HEADER" "ESHKOLC_FLAGS" ${ARGN})
  get_filename_component(name ${file} NAME_WE)
  get_filename_component(source ${file} ABSOLUTE)
  if(NOT ARG_HEADER)
    set(ARG_HEADER ${name}.h)
  endif()
  set(c_file ${CMAKE_CURRENT_BINARY_DIR}/${name}.c)
  set(h_file ${CMAKE_CURRENT_BINARY_DIR}/${ARG_HEADER})
  add_custom_command(
    OUTPUT ${c_file} ${h_file}
    COMMAND ${ESHKOLC} --no-main ${ARG_ESHKOLC_FLAGS} ${source} -o ${c_file} --header ${h_file}
            -MD -MF ${c_file}.d
    DEPENDS ${source}
    DEPFILE ${c_file}.d
    COMMENT "eshkolc ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE ${c_file} ${h_file})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_BINARY_DIR})
endfunction()

/**
 * The reader helpers themselves: a reader that is not installed fails with the Debian package that
 * provides it, not with a TypeError from deep inside the helper.
 */
import { describe, expect, it } from 'vitest'
import { poppler, python } from './fixtures/readers'

describe('reader helpers', () => {
  it('name poppler-utils when a poppler tool is not on PATH', () => {
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      for (const tool of ['pdftotext', 'pdffonts', 'pdfinfo'] as const)
        expect(() => poppler(tool, new Uint8Array())).toThrow(
          `${tool} is not installed; the output tests read files with it: apt-get install poppler-utils`,
        )
    } finally {
      process.env.PATH = path
    }
  })

  it.each([
    ['feedparser', 'python3-feedparser'],
    ['icalendar', 'python3-icalendar'],
    ['openpyxl', 'python3-openpyxl'],
  ])('name %s’s Debian package when Python cannot import it', (module, pkg) => {
    // Debian's modules live in dist-packages: without it on the path, the import fails as on a machine without them.
    const script = `import sys\nsys.path = [p for p in sys.path if 'packages' not in p]\nimport ${module}`
    expect(() => python(script, '')).toThrow(
      new RegExp(`the Python module ${module} is not installed for .*python3.*: apt-get install ${pkg}$`),
    )
  })

  it('pass a failing script’s own error on', () => {
    expect(() => python('raise SystemExit("no such sheet")', '')).toThrow(/python3 failed \(1\): no such sheet/)
  })
})

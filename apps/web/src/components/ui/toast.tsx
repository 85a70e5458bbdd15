import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'

interface Toast {
  id: number
  message: string
}

const ToastContext = createContext<(message: string) => void>(() => {})

/** Short confirmations ("Processor saved") in a polite live region, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const show = useCallback((message: string) => {
    setToasts((list) => [...list.slice(-2), { id: Date.now() + Math.random(), message }])
  }, [])
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDone={() => setToasts((list) => list.filter((x) => x.id !== toast.id))} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: () => void }) {
  useEffect(() => {
    // Six seconds: long enough to read a sentence with a record's name in it.
    const timer = setTimeout(onDone, 6000)
    return () => clearTimeout(timer)
  }, [onDone])
  return <div className="toast">{toast.message}</div>
}

export function useToast(): (message: string) => void {
  return useContext(ToastContext)
}

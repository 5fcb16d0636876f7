import { lazy, type ComponentType } from 'react';

export type LazyComponent<P extends object> = ComponentType<P> & {
  /** Starts loading the code now; resolves when it is there. */
  preload(): Promise<void>;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A component whose code is a separate chunk, loaded ahead of need by `preload()`. Once
 * loaded it renders synchronously like any other (React.lazy alone would suspend on its
 * first render even when the chunk is already there, costing a frame on the touch that
 * opens it); until then it suspends, and the nearest Suspense shows its fallback.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const attempt = async (): Promise<ComponentType<P>> => {
    // A chunk read from the kiosk's own disk or loopback rarely fails; try a few times.
    for (let n = 0; ; n++) {
      try {
        return (loaded = await load());
      } catch (error) {
        if (n >= 2) throw error;
        await pause(200 * 2 ** n);
      }
    }
  };
  const preload = () => {
    loading ??= attempt().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const Suspending = lazy(async () => ({ default: await preload() }));
  function Component(props: P) {
    const Loaded = loaded ?? Suspending;
    return <Loaded {...props} />;
  }
  return Object.assign(Component, {
    preload: async () => {
      await preload();
    },
  });
}
